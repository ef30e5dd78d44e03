import type { LmsId } from '../../shared/model/vocabulary';

/** Where each LMS adds tool content, for teachers whose district has not configured a direct URL. */
export const MENU_PATHS: Record<LmsId, string> = {
  canvas: 'Modules → “+” on the unit’s module → External Tool → {tool}',
  moodle: 'Turn editing on → “Add an activity or resource” in the section → {tool} → Select content',
  schoology: 'Materials → Add Materials → {tool}',
  brightspace: 'Content → the unit’s module → Existing Activities → {tool}',
  blackboard: 'Ultra: “+” in Course Content → Content Market → {tool}. Original: Build Content → {tool}',
};

/** The course id inside a unit key (`lms:host:course:…`). */
export const courseIdOf = (unitKey: string): string => unitKey.split(':')[2] ?? '';
export const hostOf = (unitKey: string): string => unitKey.split(':')[1] ?? '';

/**
 * A district's direct URL for its tool's deep-linking placement, with `{course}` and `{host}` filled in; undefined
 * when the district gave none for this LMS (the teacher then follows the menu path).
 */
export function insertionUrl(
  templates: Partial<Record<LmsId, string>>,
  lms: LmsId,
  unitKey: string,
): string | undefined {
  const template = templates[lms];
  if (!template) return undefined;
  const url = template
    .replaceAll('{course}', encodeURIComponent(courseIdOf(unitKey)))
    .replaceAll('{host}', hostOf(unitKey));
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost'
      ? parsed.toString()
      : undefined;
  } catch {
    return undefined;
  }
}
