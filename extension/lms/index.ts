import { blackboard } from './blackboard';
import { brightspace } from './brightspace';
import { canvas } from './canvas';
import { moodle } from './moodle';
import { schoology } from './schoology';
import type { LmsAdapter } from './types';

/** The one registration list of LMS adapters, in the order they are tried. */
export const ADAPTERS: readonly LmsAdapter[] = [canvas, schoology, brightspace, blackboard, moodle];

export function detectLms(doc: Document, url: URL): LmsAdapter | undefined {
  return ADAPTERS.find((adapter) => {
    try {
      return adapter.matches(doc, url);
    } catch {
      return false;
    }
  });
}
