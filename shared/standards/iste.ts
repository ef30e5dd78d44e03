import { AppError } from '../errors';
import { ISTE_SET_VERSIONS, type IsteSetId, type IsteSetVersionData } from './iste-data';

export { ISTE_SET_IDS, ISTE_SET_VERSIONS, type IsteSetId } from './iste-data';

/** A normalised ISTE reference. `code` is `N.N` (a standard) or `N.N.x` (an indicator). */
export interface IsteRef {
  readonly set: IsteSetId;
  readonly version: string;
  readonly code: string;
}

export interface IsteEntry extends IsteRef {
  readonly key: string;
  /** The standard's name, e.g. "Digital Citizen". */
  readonly standardName: string;
  /** Our own short label for an indicator (never ISTE's text); the standard name for a standard. */
  readonly label: string;
  readonly verified: boolean;
  readonly url: string;
  readonly setTitle: string;
}

const PREFIX_TO_SET: Record<number, IsteSetId> = { 1: 'students', 2: 'educators', 3: 'leaders', 4: 'coaches', 5: 'ct' };

/** `ISTE:students-2024:1.2.c`: the version is part of the key because 2024 re-used codes with new meanings. */
export const isteKey = (ref: IsteRef): string => `ISTE:${ref.set}-${ref.version}:${ref.code}`;

/** How the code is shown to people: `ISTE 1.2.c`. */
export const isteDisplayCode = (ref: Pick<IsteRef, 'code'>): string => `ISTE ${ref.code}`;

function buildEntries(): Map<string, IsteEntry> {
  const entries = new Map<string, IsteEntry>();
  for (const data of ISTE_SET_VERSIONS) {
    for (const standard of data.standards) {
      const base = { set: data.set, version: data.version, url: data.url, setTitle: data.title };
      const stdCode = `${data.prefix}.${standard.number}`;
      const stdRef = { ...base, code: stdCode };
      entries.set(isteKey(stdRef), {
        ...stdRef,
        key: isteKey(stdRef),
        standardName: standard.name,
        label: standard.name,
        verified: standard.nameVerified,
      });
      for (const indicator of standard.indicators) {
        const ref = { ...base, code: `${stdCode}.${indicator.letter}` };
        entries.set(isteKey(ref), {
          ...ref,
          key: isteKey(ref),
          standardName: standard.name,
          label: indicator.label,
          verified: indicator.verified && standard.countVerified,
        });
      }
    }
  }
  return entries;
}

const ENTRIES = buildEntries();

export const isteVersionsOf = (set: IsteSetId): string[] =>
  ISTE_SET_VERSIONS.filter((d) => d.set === set).map((d) => d.version);

export const latestIsteVersion = (set: IsteSetId): string => {
  const versions = isteVersionsOf(set);
  return versions[versions.length - 1]!;
};

export const findIsteSetVersion = (set: IsteSetId, version: string): IsteSetVersionData | undefined =>
  ISTE_SET_VERSIONS.find((d) => d.set === set && d.version === version);

export const lookupIste = (ref: IsteRef): IsteEntry | undefined => ENTRIES.get(isteKey(ref));

export const allIsteEntries = (): IterableIterator<IsteEntry> => ENTRIES.values();

/**
 * Matches the spellings seen in the wild: `1.1.a`, `1.1a`, `1.1`, `ISTE.1.4.c`, `ISTE2.1.a`, `ISTE 1.2.c`,
 * `iste-s-1.2.c`. Group 1 = set digit, 2 = standard number, 3 = indicator letter.
 */
// Case is spelled out rather than flagged so that JSON Schema, which has no flags, reads the same pattern.
const CODE_PATTERN =
  /^(?:[Ii][Ss][Tt][Ee](?:[\s._:-]*[SsEeLlCc](?=[\s._:-]))?[\s._:-]*)?([1-5])\.([1-9])(?:\.?([A-Za-z]))?$/;

export const ISTE_CODE_PATTERN_SOURCE = CODE_PATTERN.source;

/** Splits a wild spelling into its canonical code, or undefined when it is not shaped like an ISTE code. */
export function parseIsteCodeSpelling(raw: string): { code: string; set: IsteSetId } | undefined {
  const match = CODE_PATTERN.exec(raw.trim());
  if (!match) return undefined;
  const [, setDigit, standard, letter] = match;
  const set = PREFIX_TO_SET[Number(setDigit)]!;
  const code = letter ? `${setDigit}.${standard}.${letter.toLowerCase()}` : `${setDigit}.${standard}`;
  return { code, set };
}

/**
 * Normalises a code in any wild spelling to the (set, version, code) key, and checks that it exists.
 * Throws `ISTE_CODE_MALFORMED` or `ISTE_CODE_UNKNOWN` with a message that says what is known.
 */
export function normaliseIsteCode(raw: string, context: { set?: IsteSetId; version: string }): IsteEntry {
  const parsed = parseIsteCodeSpelling(raw);
  if (!parsed) {
    throw new AppError(
      'ISTE_CODE_MALFORMED',
      `"${raw}" is not an ISTE Standards code; expected a form like 1.2.c, 1.2c or ISTE.1.2.c`,
      { raw },
    );
  }
  if (context.set && context.set !== parsed.set) {
    throw new AppError(
      'ISTE_CODE_UNKNOWN',
      `"${raw}" is a code of the ${parsed.set} set (prefix ${parsed.code[0]}), not of the ${context.set} set`,
      { raw, set: context.set },
    );
  }
  const versions = isteVersionsOf(parsed.set);
  if (!versions.includes(context.version)) {
    throw new AppError(
      'ISTE_CODE_UNKNOWN',
      `ISTE ${parsed.set} has no version "${context.version}"; known versions: ${versions.join(', ')}`,
      { raw, version: context.version },
    );
  }
  const entry = lookupIste({ set: parsed.set, version: context.version, code: parsed.code });
  if (!entry) {
    const data = findIsteSetVersion(parsed.set, context.version)!;
    const standard = data.standards.find((s) => `${data.prefix}.${s.number}` === parsed.code.slice(0, 3));
    const known = standard
      ? `${parsed.code.slice(0, 3)} has indicators ${standard.indicators.map((i) => i.letter).join(', ')}`
      : `standards run ${data.prefix}.1 to ${data.prefix}.${data.standards.length}`;
    throw new AppError('ISTE_CODE_UNKNOWN', `ISTE ${parsed.code} does not exist in ${data.title}: ${known}`, {
      raw,
      set: parsed.set,
      version: context.version,
    });
  }
  return entry;
}

/**
 * Finds the ISTE codes a page or a query names ("ISTE 1.3.d", "standard 2.3b"), version-agnostic: the page rarely
 * says which revision it means. Returns canonical codes, in order of appearance, without duplicates.
 */
export function findIsteCodesInText(text: string): string[] {
  const found = new Set<string>();
  const pattern = /\biste[\s._:-]*(?:[selc][\s._:-]+)?([1-5]\.[1-9](?:\.?[a-e])?)\b|\b([1-5]\.[1-7]\.[a-e])\b/gi;
  for (const match of text.matchAll(pattern)) {
    const parsed = parseIsteCodeSpelling(match[1] ?? match[2] ?? '');
    if (parsed) found.add(parsed.code);
  }
  return [...found];
}
