import { z } from 'zod';
import { GradeBand, LmsId, Subject } from './vocabulary';

export const PAGE_KINDS = ['module-list', 'page-editor', 'assignment-editor', 'other'] as const;
export const PageKind = z.enum(PAGE_KINDS);
export type PageKind = z.infer<typeof PageKind>;

const shortText = (max: number) => z.string().max(max);

/**
 * What the extension reads from the LMS page a teacher is building a unit on. It never leaves the device: a page can
 * hold student names, so this object goes only to the extension's own pages, never over the network.
 */
export const UnitContext = z
  .object({
    lms: LmsId,
    pageKind: PageKind,
    /** Stable key of the unit, used for its cart: lms + host + course + module. Holds no page text. */
    unitKey: z.string().min(1).max(300),
    courseName: shortText(300).optional(),
    unitTitle: shortText(300).optional(),
    itemTitles: z.array(shortText(300)).max(200).default([]),
    /** The editor's text, truncated: enough to find topics, never the whole document. */
    editorText: shortText(4000).default(''),
    gradeHints: z.array(GradeBand).max(7).default([]),
    subjectHints: z.array(Subject).max(6).default([]),
    /** ISTE codes (canonical, version-agnostic) and CASE item URIs named on the page. */
    standardHints: z.array(shortText(300)).max(50).default([]),
  })
  .strict();
export type UnitContext = z.output<typeof UnitContext>;
export type UnitContextInput = z.input<typeof UnitContext>;
