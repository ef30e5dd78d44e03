import type { GradeBand, ResourceKind, Subject } from '../model/vocabulary';

/** Topic vocabulary of the synthetic catalogs: each topic with the subject it belongs to and related terms. */
export const SYNTHETIC_TOPICS: ReadonlyArray<{ topic: string; subject: Subject; related: readonly string[] }> = [
  // science
  { topic: 'photosynthesis', subject: 'science', related: ['chlorophyll', 'glucose', 'light energy', 'plants'] },
  { topic: 'cellular respiration', subject: 'science', related: ['mitochondria', 'atp', 'glucose', 'oxygen'] },
  { topic: 'water cycle', subject: 'science', related: ['evaporation', 'condensation', 'precipitation', 'clouds'] },
  { topic: 'food webs', subject: 'science', related: ['producers', 'consumers', 'ecosystems', 'energy flow'] },
  {
    topic: 'plate tectonics',
    subject: 'science',
    related: ['earthquakes', 'volcanoes', 'continental drift', 'faults'],
  },
  { topic: 'states of matter', subject: 'science', related: ['solids', 'liquids', 'gases', 'melting'] },
  { topic: 'electric circuits', subject: 'science', related: ['current', 'voltage', 'resistance', 'batteries'] },
  { topic: 'forces and motion', subject: 'science', related: ['friction', 'gravity', 'newton', 'speed'] },
  { topic: 'genetics', subject: 'science', related: ['dna', 'heredity', 'punnett squares', 'traits'] },
  { topic: 'mitosis', subject: 'science', related: ['cell division', 'chromosomes', 'cell cycle', 'meiosis'] },
  { topic: 'solar system', subject: 'science', related: ['planets', 'orbits', 'sun', 'moon phases'] },
  { topic: 'weather', subject: 'science', related: ['climate', 'air pressure', 'fronts', 'forecasting'] },
  {
    topic: 'chemical reactions',
    subject: 'science',
    related: ['reactants', 'products', 'balancing equations', 'conservation of mass'],
  },
  { topic: 'natural selection', subject: 'science', related: ['evolution', 'adaptation', 'fossils', 'variation'] },
  { topic: 'sound waves', subject: 'science', related: ['frequency', 'amplitude', 'pitch', 'vibration'] },
  { topic: 'magnetism', subject: 'science', related: ['magnets', 'magnetic fields', 'poles', 'compass'] },
  { topic: 'rocks and minerals', subject: 'science', related: ['igneous', 'sedimentary', 'metamorphic', 'rock cycle'] },
  {
    topic: 'human body systems',
    subject: 'science',
    related: ['digestive system', 'circulatory system', 'organs', 'skeleton'],
  },
  {
    topic: 'climate change',
    subject: 'science',
    related: ['greenhouse gases', 'carbon dioxide', 'global warming', 'sea level'],
  },
  { topic: 'atoms', subject: 'science', related: ['protons', 'electrons', 'periodic table', 'elements'] },
  // math
  { topic: 'fractions', subject: 'math', related: ['number line', 'equivalent fractions', 'numerator', 'denominator'] },
  { topic: 'place value', subject: 'math', related: ['base ten', 'digits', 'rounding', 'expanded form'] },
  { topic: 'multiplication', subject: 'math', related: ['times tables', 'arrays', 'factors', 'skip counting'] },
  { topic: 'linear equations', subject: 'math', related: ['slope', 'y-intercept', 'graphing lines', 'variables'] },
  { topic: 'probability', subject: 'math', related: ['chance', 'outcomes', 'dice', 'experiments'] },
  { topic: 'geometry proofs', subject: 'math', related: ['triangles', 'congruence', 'angles', 'theorems'] },
  { topic: 'ratios and proportions', subject: 'math', related: ['rates', 'unit rate', 'percent', 'scale drawings'] },
  { topic: 'area and perimeter', subject: 'math', related: ['rectangles', 'square units', 'measurement', 'shapes'] },
  { topic: 'statistics', subject: 'math', related: ['mean', 'median', 'data displays', 'box plots'] },
  { topic: 'quadratic functions', subject: 'math', related: ['parabolas', 'factoring', 'vertex', 'roots'] },
  { topic: 'decimals', subject: 'math', related: ['tenths', 'hundredths', 'money', 'place value'] },
  {
    topic: 'counting',
    subject: 'math',
    related: ['numbers to 100', 'one-to-one correspondence', 'skip counting', 'ten frames'],
  },
  { topic: 'exponents', subject: 'math', related: ['powers', 'scientific notation', 'square roots', 'bases'] },
  { topic: 'trigonometry', subject: 'math', related: ['sine', 'cosine', 'right triangles', 'unit circle'] },
  { topic: 'integers', subject: 'math', related: ['negative numbers', 'absolute value', 'number line', 'opposites'] },
  // ELA
  { topic: 'persuasive writing', subject: 'ela', related: ['argument', 'claims', 'evidence', 'essay'] },
  { topic: 'poetry', subject: 'ela', related: ['figurative language', 'rhyme', 'imagery', 'stanza'] },
  {
    topic: 'reading comprehension',
    subject: 'ela',
    related: ['main idea', 'inference', 'summarizing', 'close reading'],
  },
  { topic: 'phonics', subject: 'ela', related: ['letter sounds', 'sight words', 'blending', 'decoding'] },
  { topic: 'narrative writing', subject: 'ela', related: ['plot', 'characters', 'setting', 'story structure'] },
  { topic: 'grammar', subject: 'ela', related: ['parts of speech', 'punctuation', 'sentences', 'nouns and verbs'] },
  { topic: 'shakespeare', subject: 'ela', related: ['romeo and juliet', 'macbeth', 'drama', 'sonnets'] },
  { topic: 'research skills', subject: 'ela', related: ['citations', 'sources', 'note taking', 'plagiarism'] },
  { topic: 'vocabulary', subject: 'ela', related: ['word roots', 'context clues', 'prefixes', 'synonyms'] },
  {
    topic: 'informational text',
    subject: 'ela',
    related: ['text features', 'nonfiction', 'text structure', 'headings'],
  },
  // social studies
  {
    topic: 'american revolution',
    subject: 'social-studies',
    related: ['declaration of independence', 'colonies', 'patriots', 'george washington'],
  },
  {
    topic: 'civil rights movement',
    subject: 'social-studies',
    related: ['segregation', 'martin luther king', 'protest', 'voting rights'],
  },
  {
    topic: 'us constitution',
    subject: 'social-studies',
    related: ['bill of rights', 'amendments', 'branches of government', 'checks and balances'],
  },
  {
    topic: 'ancient egypt',
    subject: 'social-studies',
    related: ['pharaohs', 'pyramids', 'nile river', 'hieroglyphics'],
  },
  { topic: 'world war ii', subject: 'social-studies', related: ['holocaust', 'allies', 'pearl harbor', 'home front'] },
  { topic: 'map skills', subject: 'social-studies', related: ['latitude', 'longitude', 'compass rose', 'continents'] },
  {
    topic: 'elections',
    subject: 'social-studies',
    related: ['voting', 'campaigns', 'electoral college', 'candidates'],
  },
  { topic: 'economics', subject: 'social-studies', related: ['supply and demand', 'markets', 'budgets', 'trade'] },
  { topic: 'immigration', subject: 'social-studies', related: ['ellis island', 'migration', 'citizenship', 'culture'] },
  {
    topic: 'community helpers',
    subject: 'social-studies',
    related: ['firefighters', 'neighborhoods', 'jobs', 'citizenship'],
  },
  // computer science
  { topic: 'block coding', subject: 'computer-science', related: ['loops', 'sequencing', 'events', 'debugging'] },
  {
    topic: 'python programming',
    subject: 'computer-science',
    related: ['variables', 'functions', 'lists', 'conditionals'],
  },
  { topic: 'algorithms', subject: 'computer-science', related: ['sorting', 'searching', 'pseudocode', 'efficiency'] },
  {
    topic: 'binary numbers',
    subject: 'computer-science',
    related: ['bits', 'bytes', 'data representation', 'encoding'],
  },
  { topic: 'web design', subject: 'computer-science', related: ['html', 'css', 'web pages', 'accessibility'] },
  {
    topic: 'robotics',
    subject: 'computer-science',
    related: ['sensors', 'motors', 'programming robots', 'automation'],
  },
  {
    topic: 'artificial intelligence',
    subject: 'computer-science',
    related: ['machine learning', 'training data', 'bias', 'chatbots'],
  },
  { topic: 'cybersecurity', subject: 'computer-science', related: ['passwords', 'encryption', 'phishing', 'hackers'] },
  // digital citizenship
  {
    topic: 'online safety',
    subject: 'digital-citizenship',
    related: ['personal information', 'strangers online', 'privacy settings', 'passwords'],
  },
  {
    topic: 'cyberbullying',
    subject: 'digital-citizenship',
    related: ['upstanders', 'kindness online', 'reporting', 'empathy'],
  },
  {
    topic: 'digital footprint',
    subject: 'digital-citizenship',
    related: ['online reputation', 'oversharing', 'social media', 'permanence'],
  },
  {
    topic: 'media literacy',
    subject: 'digital-citizenship',
    related: ['fake news', 'fact checking', 'bias', 'sources'],
  },
  {
    topic: 'copyright',
    subject: 'digital-citizenship',
    related: ['fair use', 'creative commons', 'plagiarism', 'attribution'],
  },
  {
    topic: 'media balance',
    subject: 'digital-citizenship',
    related: ['screen time', 'wellbeing', 'healthy habits', 'attention'],
  },
  // arts
  { topic: 'music composition', subject: 'arts', related: ['rhythm', 'melody', 'notation', 'harmony'] },
  {
    topic: 'color theory',
    subject: 'arts',
    related: ['color wheel', 'primary colors', 'warm and cool colors', 'painting'],
  },
  { topic: 'theater', subject: 'arts', related: ['acting', 'scripts', 'stage', 'improvisation'] },
  { topic: 'digital photography', subject: 'arts', related: ['composition', 'lighting', 'cameras', 'editing'] },
  // health and PE
  { topic: 'nutrition', subject: 'health-pe', related: ['healthy eating', 'food groups', 'vitamins', 'my plate'] },
  { topic: 'mindfulness', subject: 'health-pe', related: ['breathing', 'emotions', 'stress', 'calm'] },
  { topic: 'team sports', subject: 'health-pe', related: ['basketball', 'soccer', 'teamwork', 'rules'] },
  { topic: 'physical fitness', subject: 'health-pe', related: ['exercise', 'heart rate', 'stretching', 'endurance'] },
  // world languages
  { topic: 'spanish vocabulary', subject: 'world-languages', related: ['greetings', 'numbers', 'colors', 'family'] },
  {
    topic: 'french conversation',
    subject: 'world-languages',
    related: ['greetings', 'questions', 'dialogue', 'pronunciation'],
  },
  {
    topic: 'verb conjugation',
    subject: 'world-languages',
    related: ['present tense', 'past tense', 'irregular verbs', 'spanish'],
  },
  // engineering
  { topic: 'bridge design', subject: 'engineering', related: ['trusses', 'load', 'structures', 'engineering design'] },
  { topic: '3d printing', subject: 'engineering', related: ['cad', 'prototypes', 'modeling', 'design process'] },
  {
    topic: 'renewable energy',
    subject: 'engineering',
    related: ['solar panels', 'wind turbines', 'energy', 'sustainability'],
  },
  { topic: 'simple machines', subject: 'engineering', related: ['levers', 'pulleys', 'inclined planes', 'wheels'] },
];

/** Resource types as teachers say them, and the catalog kind each maps to. */
export const SYNTHETIC_TYPES: ReadonlyArray<{ word: string; kind: ResourceKind }> = [
  { word: 'lab', kind: 'lesson' },
  { word: 'video', kind: 'video' },
  { word: 'simulation', kind: 'simulation' },
  { word: 'game', kind: 'game' },
  { word: 'lesson plan', kind: 'lesson' },
  { word: 'worksheet', kind: 'lesson' },
  { word: 'quiz', kind: 'assessment' },
  { word: 'project', kind: 'lesson' },
  { word: 'reading passage', kind: 'article' },
  { word: 'interactive', kind: 'interactive' },
  { word: 'unit', kind: 'curriculum' },
  { word: 'activity', kind: 'lesson' },
  { word: 'slideshow', kind: 'lesson' },
  { word: 'primary source set', kind: 'primary-sources' },
  { word: 'dataset', kind: 'dataset' },
  { word: 'escape room', kind: 'game' },
];

export const SYNTHETIC_ADJECTIVES = [
  'Introduction to',
  'Exploring',
  'Hands-on',
  'Interactive',
  'Investigating',
  'Understanding',
  'Discovering',
  'Mastering',
  'Fun with',
  'Deep dive:',
];

export const GRADE_PHRASES: Record<Exclude<GradeBand, 'HE' | 'PD'>, readonly string[]> = {
  PreK: ['pre-k', 'preschool'],
  'K-2': ['kindergarten', 'grade 1', 'grade 2', 'early elementary'],
  '3-5': ['grade 3', 'grade 4', 'grade 5', 'upper elementary'],
  '6-8': ['grade 6', 'grade 7', 'grade 8', 'middle school'],
  '9-12': ['grade 9', 'grade 10', 'grade 11', 'high school'],
};
