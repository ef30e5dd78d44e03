import { z } from 'zod';
import { CuratedList } from '../model/curated-list';
import type { RecordProblem } from './validate';

/** A lists document, as `/api/lists` serves it and `lists import` reads it: `{"lists": [...]}`. */
const ListsEnvelope = z.object({ lists: z.array(z.unknown()).max(1000) }).passthrough();

export interface ListsValidation {
  envelopeValid: boolean;
  lists: CuratedList[];
  problems: RecordProblem[];
  total: number;
}

/**
 * Validates coach lists one by one, like catalog records: a bad list is reported and skipped, a list id repeated is
 * refused, and only a bad envelope fails the whole document.
 */
export function validateListsFeed(raw: unknown): ListsValidation {
  const envelope = ListsEnvelope.safeParse(raw);
  if (!envelope.success) {
    return {
      envelopeValid: false,
      lists: [],
      total: 0,
      problems: [
        { index: -1, path: 'lists', code: 'CATALOG_INVALID', message: 'a lists document is {"lists": [...]}' },
      ],
    };
  }
  const lists: CuratedList[] = [];
  const problems: RecordProblem[] = [];
  const seen = new Set<string>();
  envelope.data.lists.forEach((candidate, index) => {
    const rawId = candidate && typeof candidate === 'object' ? (candidate as { id?: unknown }).id : undefined;
    const id = typeof rawId === 'string' ? rawId.slice(0, 80) : undefined;
    const parsed = CuratedList.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({
          index,
          id,
          path: issue.path.map(String).join('.') || '(list)',
          code: 'CATALOG_RECORD_INVALID',
          message: issue.message,
        });
      }
    } else if (seen.has(parsed.data.id)) {
      problems.push({ index, id, path: 'id', code: 'CATALOG_DUPLICATE_ID', message: `list "${parsed.data.id}" twice` });
    } else {
      seen.add(parsed.data.id);
      lists.push(parsed.data);
    }
  });
  return { envelopeValid: true, lists, problems, total: envelope.data.lists.length };
}

/** One line per problem, for people: `list 3 id="grade7" items.2.resourceId: listed twice`. */
export const formatListProblem = (p: RecordProblem): string =>
  `list ${p.index}${p.id ? ` id=${JSON.stringify(p.id)}` : ''} ${p.path}: ${p.message}`;
