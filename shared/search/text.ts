/**
 * Text normalisation shared by indexing and querying: the same word must become the same term on both sides.
 * English-only light stemming (plural and -ing/-ed endings) is enough for titles and keywords; the typo corrector
 * handles the rest.
 */

const STOP_WORDS = new Set(
  `a an and are as at be been but by can do does for from has have how i if in into is it its let me my no not of on or
our so than that the their them then there these they this to too up us was we were what when where which while who
why will with you your yours about after all also any both each few more most other some such only own same just
should now very s t also use using used via per etc vs e g ie eg out over under again further once here`.split(/\s+/),
);

/** Words an LMS page is full of that say nothing about the topic. */
const BOILERPLATE = new Set(
  `module modules week weeks unit units day days lesson lessons page pages untitled new item items assignment
assignments due date points point submit submission click here edit save cancel publish published unpublished
settings home announcements announcement grades gradebook syllabus discussion discussions course courses section
sections file files upload link links external tool tools view add remove delete drag drop heading text editor
content description instructions student students teacher teachers class period term quarter semester topic topics
overview introduction intro part chapter review complete completed read watch minutes minute optional required
activity activities`.split(/\s+/),
);

export const isStopWord = (word: string): boolean => STOP_WORDS.has(word);
export const isBoilerplate = (word: string): boolean => BOILERPLATE.has(word);

/** Lower case, accents removed, curly quotes straightened. */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'");
}

/** Words of letters and digits; `k-2`, `6-8`, `3d` and ISTE codes like `1.2.b` survive as single tokens. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const match of normalise(text).matchAll(/[1-5]\.[1-9](?:\.?[a-e])?\b|[a-z0-9]+(?:[-'][a-z0-9]+)*/g)) {
    out.push(match[0].replace(/'s$/, '').replace(/'/g, ''));
  }
  return out;
}

/** Light English stemming: plurals and the commonest verb endings. Deliberately conservative. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (/(ches|shes|xes|zes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/** Index and query terms: words minus stop words, stemmed. */
export function terms(text: string, options: { dropBoilerplate?: boolean } = {}): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    if (word.length < 2 && !/\d/.test(word)) continue;
    if (isStopWord(word)) continue;
    if (options.dropBoilerplate && isBoilerplate(word)) continue;
    out.push(stem(word));
  }
  return out;
}
