import { z } from 'zod';

/**
 * Loopback hosts may use plain http: development, the demo and the tests run there. Everything else must be https,
 * as LTI 1.3 requires of every URL it exchanges.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host) || host === '::1';
}

/** true when `value` is an absolute https URL, or http on a loopback host. */
export function isSecureUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}

/**
 * A link we may put in front of a teacher or hand to an LMS: https (http on loopback only). Rejects `javascript:`,
 * `data:` and every other scheme, and credentials in the URL.
 */
export const SafeUrl = z
  .string()
  .max(2048)
  .refine(isSecureUrl, { message: 'must be an https URL (http is allowed only on localhost)' })
  .meta({ format: 'uri', pattern: '^https?://' });

const MARKUP = /<\s*[a-z!/?]|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i;
// Control characters other than tab and newline break terminals and logs, and hide text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: this pattern exists to find control characters
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

/** The same rule for JSON Schema users (ECMA-262 regex): no tags, no entities. */
const PLAIN_TEXT_JSON_PATTERN = '^(?![\\s\\S]*(<\\s*[a-zA-Z!/?]|&([a-zA-Z]+|#[0-9]+|#x[0-9a-fA-F]+);))[\\s\\S]*$';

/**
 * Text shown to people as text. Markup is refused rather than escaped: a feed that sends HTML in a title is either
 * broken or hostile, and either way the curator should hear about it. (The UI escapes everything anyway.)
 */
export const plainText = (max: number, min = 0) =>
  z
    .string()
    .trim()
    .min(min, { message: min === 1 ? 'must not be empty' : `must be at least ${min} characters` })
    .max(max)
    .refine((s) => !MARKUP.test(s), { message: 'must be plain text, not HTML' })
    .refine((s) => !CONTROL.test(s), { message: 'must not contain control characters' })
    .meta({ pattern: PLAIN_TEXT_JSON_PATTERN });

export const IsoDateTime = z.iso.datetime({ offset: true });
export const IsoDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** Stable ids: lower-case letters, digits, dot, dash, underscore. Safe in URLs, LTI custom values and XML ids. */
export const Id = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, {
  message: 'must be 1-80 of a-z, 0-9, ".", "-", "_", starting with a-z or 0-9',
});
