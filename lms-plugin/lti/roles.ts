import { ROLE } from '../../shared/lti/vocabulary';

export type RoleClass = 'instructor' | 'learner' | 'other';

const MEMBERSHIP = 'http://purl.imsglobal.org/vocab/lis/v2/membership#';

const TEACHING = new Set<string>([
  ROLE.instructor,
  ROLE.contentDeveloper,
  ROLE.administrator,
  ROLE.institutionInstructor,
  `${MEMBERSHIP}Administrator`,
  `${MEMBERSHIP}Mentor`,
  'http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant',
]);
const LEARNING = new Set<string>([ROLE.learner, ROLE.institutionStudent]);

/** Accepts short role names (`Instructor`) as well as full LIS URIs (CORE 5.3.7), and classes the user. */
export function normaliseRoles(raw: unknown[]): { roles: string[]; roleClass: RoleClass } {
  const roles = raw
    .filter((r): r is string => typeof r === 'string' && r.length > 0)
    .map((r) => (/^[A-Za-z]+$/.test(r) ? `${MEMBERSHIP}${r}` : r));
  const roleClass: RoleClass = roles.some((r) => TEACHING.has(r))
    ? 'instructor'
    : roles.some((r) => LEARNING.has(r))
      ? 'learner'
      : 'other';
  return { roles, roleClass };
}
