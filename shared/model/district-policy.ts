import { z } from 'zod';
import { CERTIFICATION_STANDARD_IDS } from '../standards/certifications';
import { Id, plainText, SafeUrl } from './primitives';

/** A host name, optionally with a leading `*.` for every subdomain (`lms.district.org`, `*.district.org`). */
export const LmsHost = z
  .string()
  .max(253)
  .regex(/^(\*\.)?([a-z0-9-]+\.)+[a-z0-9-]+$/, 'a host name such as lms.district.org or *.district.org');

/**
 * What a district sets centrally (managed browser policy for the extension, environment for the tool server).
 * A policy value beats a user setting. Wrong types are refused field by field (see parseDistrictPolicy), so one
 * bad value never discards the rest of a district's policy.
 */
export const DistrictPolicy = z
  .object({
    districtId: Id.optional(),
    districtName: plainText(120).optional(),
    /** Catalog feeds, fetched by the extension's background and merged in order. */
    catalogUrls: z.array(SafeUrl).max(10).default([]),
    /** Coach-list feeds (the district tool's /api/lists): their published lists are shown first and browsable. */
    listUrls: z.array(SafeUrl).max(10).default([]),
    /** Origin of the district's LTI tool (the LMS plugin); insertion hands the cart to pages of this origin only. */
    toolOrigin: SafeUrl.optional(),
    /**
     * Direct URLs of the tool's deep-linking placement per LMS, with {course} and {host} placeholders, e.g.
     * `https://{host}/courses/{course}/external_tools/4821/resource_selection`. Without one, teachers get the menu path.
     */
    insertionUrls: z
      .object({
        canvas: z.string().max(500),
        moodle: z.string().max(500),
        schoology: z.string().max(500),
        brightspace: z.string().max(500),
        blackboard: z.string().max(500),
      })
      .partial()
      .strict()
      .default({}),
    /** The tool's name as teachers see it in the LMS's menus. */
    toolName: plainText(80).default('the district’s resource tool'),
    /** Custom LMS hosts beyond the well-known ones (e.g. lms.district.org). */
    lmsHosts: z.array(LmsHost).max(50).default([]),
    blockedResourceIds: z.array(Id).max(10_000).default([]),
    blockedProviders: z.array(plainText(120, 1)).max(1000).default([]),
    /** Certification standards a resource must hold to be boosted as "meets district requirements". */
    requiredCertifications: z.array(z.enum(CERTIFICATION_STANDARD_IDS)).max(20).default([]),
    preferredProviders: z.array(plainText(120, 1)).max(100).default([]),
    /** Show only resources the district approved (its own catalog), hiding the sample catalog. */
    hideSampleCatalog: z.boolean().default(false),
    maxSuggestions: z.number().int().min(1).max(50).default(8),
  })
  .strict();
export type DistrictPolicy = z.output<typeof DistrictPolicy>;
export type DistrictPolicyInput = z.input<typeof DistrictPolicy>;

export interface PolicyProblem {
  readonly key: string;
  readonly message: string;
}

/**
 * Parses a managed policy field by field: a field with a wrong type is reported and falls back to its default, the
 * other fields still apply, and unknown keys are reported and ignored (Chromium drops them too).
 */
export function parseDistrictPolicy(raw: unknown): { policy: DistrictPolicy; problems: PolicyProblem[] } {
  const problems: PolicyProblem[] = [];
  const source: Record<string, unknown> =
    raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  if (raw !== undefined && source !== raw) problems.push({ key: '(policy)', message: 'policy must be an object' });
  const shape = DistrictPolicy.shape;
  const accepted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (!Object.hasOwn(shape, key)) {
      problems.push({ key, message: 'unknown policy key, ignored' });
      continue;
    }
    const field = shape[key as keyof typeof shape];
    const result = field.safeParse(value);
    if (result.success) accepted[key] = value;
    else problems.push({ key, message: result.error.issues.map((i) => i.message).join('; ') });
  }
  return { policy: DistrictPolicy.parse(accepted), problems };
}
