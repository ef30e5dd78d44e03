import { type UnitContext, UnitContext as UnitContextSchema } from '../../shared/model/unit-context';
import { parseFacets } from '../../shared/search/facets';
import { words } from '../../shared/search/text';
import { findIsteCodesInText } from '../../shared/standards/iste';

/**
 * Parses what a content script sent (the trust boundary) and adds the grade, subject and standards hints its words
 * carry ("Grade 7 Science", "AP Biology", "ISTE 1.3.d"). Returns undefined for anything malformed.
 */
export function acceptContext(raw: unknown): UnitContext | undefined {
  const parsed = UnitContextSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const context = parsed.data;
  const facets = parseFacets(words(`${context.courseName ?? ''} . ${context.unitTitle ?? ''}`));
  const course = words(context.courseName ?? '');
  // "Science 7", "Digital Citizenship 4": a subject (one or two words) followed by a grade number.
  for (let i = 1; i < course.length; i++) {
    const n = Number(course[i]);
    const before = course.slice(Math.max(0, i - 2), i);
    if (Number.isInteger(n) && n >= 1 && n <= 12 && parseFacets(before).subjects.size) {
      facets.bands.add(n <= 2 ? 'K-2' : n <= 5 ? '3-5' : n <= 8 ? '6-8' : '9-12');
    }
  }
  const text = [context.unitTitle, ...context.itemTitles, context.editorText].join(' ');
  return {
    ...context,
    gradeHints: [...new Set([...context.gradeHints, ...facets.bands])],
    subjectHints: [...new Set([...context.subjectHints, ...facets.subjects])],
    standardHints: [...new Set([...context.standardHints, ...findIsteCodesInText(text)])],
  };
}
