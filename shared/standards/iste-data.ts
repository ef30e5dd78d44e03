/**
 * ISTE Standards vocabulary: codes, the standard names, and OUR OWN short labels for indicators.
 * ISTE's indicator text is copyrighted and is never shipped; each indicator links to iste.org for the wording.
 *
 * `verified: false` marks a label, or an indicator's existence, that docs/reference/standards.md could not confirm
 * in a primary source ([M] there). The UI shows such labels as unverified instead of guessing silently.
 * The 2024 update re-used codes with new meanings, so a code is only meaningful with its set and version.
 */

export const ISTE_SET_IDS = ['students', 'educators', 'leaders', 'coaches', 'ct'] as const;
export type IsteSetId = (typeof ISTE_SET_IDS)[number];

export interface IsteIndicatorData {
  readonly letter: string;
  readonly label: string;
  readonly verified: boolean;
}

export interface IsteStandardData {
  readonly number: number;
  readonly name: string;
  readonly nameVerified: boolean;
  /** Whether the number of indicators was confirmed in a primary source. */
  readonly countVerified: boolean;
  readonly indicators: readonly IsteIndicatorData[];
}

export interface IsteSetVersionData {
  readonly set: IsteSetId;
  readonly version: string;
  readonly title: string;
  readonly prefix: number;
  readonly url: string;
  readonly standards: readonly IsteStandardData[];
}

/** Compact authoring form: `'a goal setting|b ~networks'`; a leading `~` marks an unverified label. */
function std(
  number: number,
  name: string,
  labels: string,
  opts: { nameVerified?: boolean; countVerified?: boolean } = {},
) {
  const indicators = labels.split('|').map((raw) => {
    const text = raw.trim();
    const letter = text.slice(0, 1);
    const rest = text.slice(1).trim();
    const verified = !rest.startsWith('~');
    return { letter, label: verified ? rest : rest.slice(1), verified };
  });
  return {
    number,
    name,
    nameVerified: opts.nameVerified ?? true,
    countVerified: opts.countVerified ?? true,
    indicators,
  } satisfies IsteStandardData;
}

const students2016: IsteSetVersionData = {
  set: 'students',
  version: '2016',
  title: 'ISTE Standards for Students (2016)',
  prefix: 1,
  url: 'https://iste.org/standards/students',
  standards: [
    std(
      1,
      'Empowered Learner',
      'a Goal setting and reflection|b Personal learning networks|c Feedback to show learning|d Technology fundamentals',
    ),
    std(
      2,
      'Digital Citizen',
      'a Digital identity|b Safe, legal, ethical behaviour|c Intellectual property|d Personal data and privacy',
    ),
    std(
      3,
      'Knowledge Constructor',
      'a Research strategies|b Evaluating sources|c Curating information|d Exploring real-world issues',
    ),
    std(
      4,
      'Innovative Designer',
      'a ~Design process|b ~Digital tools for design|c ~Prototypes and iteration|d ~Tolerance for open-ended problems',
    ),
    std(
      5,
      'Computational Thinker',
      'a ~Problem formulation with data|b ~Collecting and analysing data|c ~Decomposition and abstraction|d ~Algorithmic thinking',
    ),
    std(
      6,
      'Creative Communicator',
      'a ~Choosing platforms and tools|b ~Creating and remixing works|c ~Communicating complex ideas|d ~Publishing for audiences',
    ),
    std(
      7,
      'Global Collaborator',
      'a ~Connecting with diverse learners|b ~Collaborating with experts and peers|c ~Team roles and shared goals|d ~Local and global issues',
    ),
  ],
};

const students2024: IsteSetVersionData = {
  set: 'students',
  version: '2024',
  title: 'ISTE Standards for Students (2024 update)',
  prefix: 1,
  url: 'https://iste.org/standards/students',
  standards: [
    std(
      1,
      'Empowered Learner',
      'a Learning goals|b Customized learning environments|c Feedback to improve practice|d Technology fundamentals',
    ),
    std(
      2,
      'Digital Citizen',
      'a Digital footprint|b Online interactions|c Safeguarding well-being|d ~Intellectual property|e ~Privacy and personal data',
      { countVerified: false },
    ),
    std(
      3,
      'Knowledge Constructor',
      'a ~Research strategies|b ~Evaluating information|c ~Curating information|d ~Building knowledge from real-world issues',
      { countVerified: false },
    ),
    std(
      4,
      'Innovative Designer',
      'a ~Design process|b ~Design tools|c ~Prototypes and iteration|d ~Managing ambiguity',
      { countVerified: false },
    ),
    std(
      5,
      'Computational Thinker',
      'a ~Defining problems|b ~Working with data|c ~Decomposition and abstraction|d ~Algorithms and automation',
      { countVerified: false },
    ),
    std(
      6,
      'Creative Communicator',
      'a ~Choosing tools|b ~Original and remixed works|c ~Communicating complex ideas|d ~Tailoring to audiences',
      { countVerified: false },
    ),
    std(
      7,
      'Global Collaborator',
      'a ~Diverse perspectives|b ~Collaborating with others|c ~Team roles|d ~Local and global issues',
      { countVerified: false },
    ),
  ],
};

const educators2017: IsteSetVersionData = {
  set: 'educators',
  version: '2017',
  title: 'ISTE Standards for Educators (2017)',
  prefix: 2,
  url: 'https://iste.org/standards/educators',
  standards: [
    std(1, 'Learner', 'a Professional learning goals|b Learning networks|c Current research'),
    std(2, 'Leader', 'a Shared vision|b Equitable access|c Modelling tool evaluation and curation'),
    std(
      3,
      'Citizen',
      'a Socially responsible contributions|b Digital literacy and critical evaluation|c Safe, legal, ethical practice|d Personal data and privacy',
    ),
    std(
      4,
      'Collaborator',
      'a Collaborative planning time|b Co-learning with students|c ~Virtual collaboration|d Cultural competency',
    ),
    std(
      5,
      'Designer',
      'a Personalising learning|b Authentic activities aligned to standards|c Instructional design principles',
    ),
    std(
      6,
      'Facilitator',
      'a ~Student ownership of goals|b ~Managing technology and strategies|c ~Creativity, design and computational challenges|d ~Modelling creative expression',
    ),
    std(
      7,
      'Analyst',
      'a ~Alternative ways to show competency|b ~Assessment with technology|c ~Using data to guide progress',
    ),
  ],
};

const educators2024: IsteSetVersionData = {
  ...educators2017,
  version: '2024',
  title: 'ISTE Standards for Educators (2024 update)',
  // standards.md: codes unchanged in 2024, wording updated; our labels are not re-verified against the new wording.
  standards: educators2017.standards.map((s) => ({
    ...s,
    indicators: s.indicators.map((i) => ({ ...i, verified: false })),
  })),
};

const leaders2018: IsteSetVersionData = {
  set: 'leaders',
  version: '2018',
  title: 'ISTE Standards for Education Leaders (2018)',
  prefix: 3,
  url: 'https://iste.org/standards/education-leaders',
  standards: [
    std(
      1,
      'Equity and Citizenship Advocate',
      'a Access to skilled teachers|b Access to technology|c Modelling digital citizenship|d Cultivating good online behaviour',
    ),
    std(
      2,
      'Visionary Planner',
      'a Shared vision|b Strategic plan|c Evaluating plan progress|d Communicating with stakeholders|e Sharing experience with peers',
    ),
    std(
      3,
      'Empowering Leader',
      'a ~Empowering educators|b ~Building confidence and competency|c ~Inspiring innovation|d ~Supporting personalised learning|e ~Assessment practices',
      { countVerified: false },
    ),
    std(
      4,
      'Systems Designer',
      'a ~Teams and systems for implementation|b ~Infrastructure and resources|c ~Privacy and security|d ~Partnerships',
      { countVerified: false },
    ),
    std(
      5,
      'Connected Learner',
      'a ~Modelling professional learning|b ~Learning networks|c ~Reflective practice|d ~Leading change',
      { countVerified: false },
    ),
  ],
};

const leaders2024: IsteSetVersionData = {
  ...leaders2018,
  version: '2024',
  title: 'ISTE Standards for Education Leaders (2024 update)',
  standards: leaders2018.standards.map((s) =>
    s.number === 1
      ? std(
          1,
          'Digital Citizenship Advocate',
          'a ~Access to skilled teachers|b Access to meet student needs|c Modelling inclusive, healthy use|d Modelling safe, ethical, legal use',
        )
      : s.number === 2
        ? {
            ...s,
            indicators: s.indicators.map((i) =>
              i.letter === 'a' ? { ...i, label: 'Developing and sustaining a vision' } : { ...i, verified: false },
            ),
          }
        : s,
  ),
};

const coaches2019: IsteSetVersionData = {
  set: 'coaches',
  version: '2019',
  title: 'ISTE Standards for Coaches (2019)',
  prefix: 4,
  url: 'https://iste.org/standards/coaches',
  standards: [
    std(
      1,
      'Change Agent',
      'a Shared vision|b Equitable use of tools and content|c Supportive coaching culture|d Recognising high-impact teaching|e Maximising the potential of technology',
    ),
    std(2, 'Connected Learner', 'a Professional learning|b Learning networks|c Reflecting on practice'),
    std(
      3,
      'Collaborator',
      'a Trusting relationships|b Culturally relevant, standards-aligned content|c Evaluating efficacy for procurement|d Personalised support',
    ),
    std(
      4,
      'Learning Designer',
      'a ~Accessible, personalised learning|b ~Authentic learning experiences|c ~Assessment with technology',
      {
        countVerified: false,
      },
    ),
    std(
      5,
      'Professional Learning Facilitator',
      'a Needs-based professional learning|b Building capacity for the ISTE Standards|c Evaluating professional learning',
    ),
    std(
      6,
      'Data-Driven Decision-Maker',
      'a ~Using data to improve instruction|b ~Data literacy|c ~Data-informed planning',
      {
        countVerified: false,
      },
    ),
    std(
      7,
      'Digital Citizen Advocate',
      'a ~Civic engagement|b ~Respectful online behaviour|c ~Evaluating media|d ~Protecting personal data',
    ),
  ],
};

const ct2018: IsteSetVersionData = {
  set: 'ct',
  version: '2018',
  title: 'ISTE Computational Thinking Competencies (2018)',
  prefix: 5,
  url: 'https://iste.org/standards/computational-thinking-competencies',
  standards: [
    std(
      1,
      'Computational Thinking (Learner)',
      'a Learning goals for computational thinking|b Where computation helps|c Working with CT and CS experts|d Resilience with ambiguity|e Computing and society',
    ),
    std(
      2,
      'Equity Leader (Leader)',
      'a ~Inclusive computing culture|b ~Diverse role models|c ~Equitable group work|d ~Communicating with families|e ~Removing barriers',
      { countVerified: false },
    ),
    std(
      3,
      'Collaborating Around Computing (Collaborator)',
      'a ~Collaborative problem solving|b ~Productive teamwork|c ~Feedback on computational work',
      { countVerified: false, nameVerified: false },
    ),
    std(
      4,
      'Creativity and Design (Designer)',
      'a ~Open-ended computational problems|b ~Creative computing artefacts|c ~Iterative design',
      { countVerified: false, nameVerified: false },
    ),
    std(
      5,
      'Integrating Computational Thinking (Facilitator)',
      'a ~CT across subjects|b ~Computing vocabulary|c ~Assessing computational thinking|d ~Connecting CT to careers',
      { countVerified: false, nameVerified: false },
    ),
  ],
};

export const ISTE_SET_VERSIONS: readonly IsteSetVersionData[] = [
  students2016,
  students2024,
  educators2017,
  educators2024,
  leaders2018,
  leaders2024,
  coaches2019,
  ct2018,
];
