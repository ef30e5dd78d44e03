import type { UnitContextInput } from '../../shared/model/unit-context';
import type { LmsId } from '../../shared/model/vocabulary';

export type PageKind = 'module-list' | 'page-editor' | 'assignment-editor' | 'other';

/** What an adapter reads off a page: a unit context without the fields the pipeline fills in. */
export type ExtractedContext = Omit<UnitContextInput, 'lms' | 'pageKind' | 'gradeHints' | 'subjectHints'>;

/**
 * One LMS. Adapters read the DOM only (never page scripts' variables) and must not throw on markup they do not know:
 * an unknown page is `other`, which shows no overlay.
 */
export interface LmsAdapter {
  id: LmsId;
  /** Whether the page belongs to this LMS: host name first, DOM markers for self-hosted installs. */
  matches(doc: Document, url: URL): boolean;
  pageKind(doc: Document, url: URL): PageKind;
  extract(doc: Document, url: URL): ExtractedContext;
  /** The LMS's own editing controls, which the overlay must never cover. */
  protectedAreas(doc: Document): Element[];
}
