import type { z } from 'zod';
import type { ErrorCode } from '../errors';
import { CatalogEnvelope } from '../model/feed';
import { Resource } from '../model/resource';

export interface RecordProblem {
  /** Index of the record in `resources`, or -1 for the envelope. */
  readonly index: number;
  readonly id?: string;
  /** Dotted path inside the record (or the envelope), e.g. `alignments.0.code`. */
  readonly path: string;
  readonly code: ErrorCode;
  readonly message: string;
}

export interface FeedValidation {
  /** false when the envelope itself is unusable: nothing in it may replace a good catalog. */
  readonly envelopeValid: boolean;
  readonly envelope?: Omit<z.output<typeof CatalogEnvelope>, 'resources'>;
  readonly resources: Resource[];
  readonly problems: RecordProblem[];
  readonly total: number;
  /** Distinct records with at least one problem. */
  readonly badRecords: number;
}

export interface ValidateOptions {
  /** Called every `progressEvery` records, for a progress bar on large feeds. */
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
}

const codeFor = (message: string): ErrorCode => {
  const prefix = /^([A-Z_]+):/.exec(message)?.[1];
  if (prefix === 'ISTE_CODE_UNKNOWN' || prefix === 'ISTE_CODE_MALFORMED' || prefix === 'CERTIFICATION_UNKNOWN') {
    return prefix;
  }
  return 'CATALOG_RECORD_INVALID';
};

const pathOf = (path: readonly PropertyKey[]): string => (path.length ? path.map(String).join('.') : '(record)');

/**
 * Validates a catalog feed record by record: a bad record is reported (index, id, path, message) and skipped, the
 * good ones are kept. Only a bad envelope (wrong schemaVersion, no resources array) fails the whole feed.
 */
export function validateCatalogFeed(raw: unknown, options: ValidateOptions = {}): FeedValidation {
  const envelope = CatalogEnvelope.safeParse(raw);
  if (!envelope.success) {
    return {
      envelopeValid: false,
      resources: [],
      total: 0,
      badRecords: 0,
      problems: envelope.error.issues.map((issue) => ({
        index: -1,
        path: pathOf(issue.path),
        code: 'CATALOG_INVALID',
        message: issue.message,
      })),
    };
  }
  const { resources: records, ...meta } = envelope.data;
  const resources: Resource[] = [];
  const problems: RecordProblem[] = [];
  const seen = new Map<string, number>();
  const bad = new Set<number>();
  const every = options.progressEvery ?? 1000;

  records.forEach((record, index) => {
    const rawId = record && typeof record === 'object' ? (record as { id?: unknown }).id : undefined;
    const id = typeof rawId === 'string' ? rawId.slice(0, 80) : undefined;
    const result = Resource.safeParse(record);
    if (!result.success) {
      bad.add(index);
      for (const issue of result.error.issues) {
        problems.push({ index, id, path: pathOf(issue.path), code: codeFor(issue.message), message: issue.message });
      }
    } else if (seen.has(result.data.id)) {
      bad.add(index);
      problems.push({
        index,
        id,
        path: 'id',
        code: 'CATALOG_DUPLICATE_ID',
        message: `duplicate id: record ${seen.get(result.data.id)} already uses "${result.data.id}"`,
      });
    } else {
      seen.set(result.data.id, index);
      resources.push(result.data);
    }
    if (options.onProgress && (index + 1) % every === 0) options.onProgress(index + 1, records.length);
  });
  options.onProgress?.(records.length, records.length);

  return { envelopeValid: true, envelope: meta, resources, problems, total: records.length, badRecords: bad.size };
}

export function formatProblem(problem: RecordProblem): string {
  const where = problem.index < 0 ? 'feed' : `record ${problem.index}`;
  const id = problem.id ? ` id=${JSON.stringify(problem.id)}` : '';
  return `${where}${id} ${problem.path}: ${problem.message}`;
}
