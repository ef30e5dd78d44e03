import { z } from 'zod';

export const GRADE_BANDS = ['PreK', 'K-2', '3-5', '6-8', '9-12', 'HE', 'PD'] as const;
export const GradeBand = z.enum(GRADE_BANDS);
export type GradeBand = z.infer<typeof GradeBand>;

export const GRADE_BAND_LABELS: Record<GradeBand, string> = {
  PreK: 'Pre-K',
  'K-2': 'grades K-2',
  '3-5': 'grades 3-5',
  '6-8': 'grades 6-8',
  '9-12': 'grades 9-12',
  HE: 'higher education',
  PD: 'professional learning',
};

/** The grade band a single grade (0 = kindergarten, -1 = pre-K) falls in. */
export function gradeBandOf(grade: number): GradeBand {
  if (grade < 0) return 'PreK';
  if (grade <= 2) return 'K-2';
  if (grade <= 5) return '3-5';
  if (grade <= 8) return '6-8';
  if (grade <= 12) return '9-12';
  return 'HE';
}

export const SUBJECTS = [
  'math',
  'science',
  'ela',
  'social-studies',
  'computer-science',
  'digital-citizenship',
  'arts',
  'health-pe',
  'world-languages',
  'engineering',
  'library-media',
  'career-technical',
] as const;
export const Subject = z.enum(SUBJECTS);
export type Subject = z.infer<typeof Subject>;

export const SUBJECT_LABELS: Record<Subject, string> = {
  math: 'Mathematics',
  science: 'Science',
  ela: 'English language arts',
  'social-studies': 'Social studies',
  'computer-science': 'Computer science',
  'digital-citizenship': 'Digital citizenship',
  arts: 'Arts',
  'health-pe': 'Health and PE',
  'world-languages': 'World languages',
  engineering: 'Engineering',
  'library-media': 'Library and media',
  'career-technical': 'Career and technical education',
};

export const RESOURCE_KINDS = [
  'simulation',
  'interactive',
  'video',
  'lesson',
  'curriculum',
  'course',
  'textbook',
  'game',
  'tool',
  'platform',
  'assessment',
  'primary-sources',
  'dataset',
  'article',
  'pd',
] as const;
export const ResourceKind = z.enum(RESOURCE_KINDS);
export type ResourceKind = z.infer<typeof ResourceKind>;

export const LMS_IDS = ['canvas', 'moodle', 'schoology', 'brightspace', 'blackboard'] as const;
export const LmsId = z.enum(LMS_IDS);
export type LmsId = z.infer<typeof LmsId>;
