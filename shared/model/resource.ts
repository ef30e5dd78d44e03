import { z } from 'zod';
import { Alignment, Certification, Provenance } from './claims';
import { Id, IsoDate, IsoDateTime, plainText, SafeUrl } from './primitives';
import { GradeBand, ResourceKind, Subject } from './vocabulary';

export const Licence = z
  .object({
    access: z.enum(['free', 'freemium', 'paid', 'district-licensed']),
    /** SPDX id when the resource is openly licensed, e.g. CC-BY-4.0. */
    spdx: z
      .string()
      .regex(/^[A-Za-z0-9.+-]{2,40}$/)
      .optional(),
    name: plainText(120).optional(),
    url: SafeUrl.optional(),
  })
  .strict();

export const Accessibility = z
  .object({
    /** A conformance claim such as "2.1 AA" (WCAG version and level). */
    wcag: z
      .string()
      .regex(/^2\.[0-2] (A|AA|AAA)$/)
      .optional(),
    conformanceReportUrl: SafeUrl.optional(),
    /** schema.org accessibilityFeature values, e.g. captions, transcript, keyboard, screen-reader. */
    features: z
      .array(z.string().regex(/^[a-zA-Z-]{2,40}$/))
      .max(20)
      .default([]),
    summary: plainText(300).optional(),
    provenance: Provenance,
  })
  .strict();

export const PRIVACY_SIGNAL_KINDS = [
  'trusted-apps-seal',
  'sdpc-agreement',
  'common-sense-privacy',
  'coppa-statement',
  'ferpa-statement',
  'no-student-accounts',
  'student-data-collected',
] as const;

export const PrivacySignal = z
  .object({
    kind: z.enum(PRIVACY_SIGNAL_KINDS),
    /** A rating or a short value, e.g. "Pass" for Common Sense Privacy. */
    value: plainText(60).optional(),
    provenance: Provenance,
  })
  .strict();

export const Privacy = z
  .object({
    policyUrl: SafeUrl.optional(),
    /** Whether students need accounts to use the resource: the first question districts ask. */
    studentAccounts: z.enum(['none', 'optional', 'required']).optional(),
    signals: z.array(PrivacySignal).max(20).default([]),
  })
  .strict();

/** How the tool should open the resource when an inserted LTI link is launched. */
export const LaunchHints = z
  .object({
    /** `window` when the provider forbids framing (X-Frame-Options / frame-ancestors). */
    presentation: z.enum(['iframe', 'window']).default('window'),
    /** The provider's own LTI 1.3 tool, when the district has it installed and prefers a direct launch. */
    ltiTargetLinkUri: SafeUrl.optional(),
    supportsDeepLinking: z.boolean().optional(),
    customParams: z
      .record(z.string().regex(/^[a-z0-9_]{1,50}$/), z.string().max(500))
      .optional()
      .refine((r) => !r || Object.keys(r).length <= 20, { message: 'at most 20 custom parameters' }),
  })
  .strict();

export const Media = z
  .object({
    iconUrl: SafeUrl.optional(),
    thumbnailUrl: SafeUrl.optional(),
  })
  .strict();

const resourceFields = {
  id: Id,
  title: plainText(200, 1),
  description: plainText(1000).default(''),
  url: SafeUrl,
  provider: z.object({ name: plainText(120, 1), url: SafeUrl.optional() }).strict(),
  kind: ResourceKind,
  gradeBands: z.array(GradeBand).min(1).max(7),
  subjects: z.array(Subject).min(1).max(6),
  keywords: z.array(plainText(60, 1)).max(40).default([]),
  /** BCP 47 language tag of the resource, e.g. en, es, en-GB. */
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
    .default('en'),
  licence: Licence,
  accessibility: Accessibility.optional(),
  privacy: Privacy.optional(),
  alignments: z
    .array(z.lazy(() => Alignment))
    .max(60)
    .default([]),
  certifications: z.array(Certification).max(40).default([]),
  launch: LaunchHints.default({ presentation: 'window' }),
  media: Media.optional(),
  status: z.enum(['active', 'retired']).default('active'),
  retirement: z
    .object({
      reason: plainText(300, 1),
      replacementId: Id.optional(),
      retiredAt: IsoDate,
    })
    .strict()
    .optional(),
  updatedAt: IsoDateTime,
};

export const Resource = z
  .object(resourceFields)
  .strict()
  .superRefine((resource, ctx) => {
    if (resource.status === 'retired' && !resource.retirement) {
      ctx.addIssue({ code: 'custom', path: ['retirement'], message: 'a retired resource needs a retirement reason' });
    }
    if (resource.status === 'active' && resource.retirement) {
      ctx.addIssue({ code: 'custom', path: ['retirement'], message: 'only a retired resource has a retirement' });
    }
    if (resource.retirement?.replacementId === resource.id) {
      ctx.addIssue({ code: 'custom', path: ['retirement', 'replacementId'], message: 'cannot replace itself' });
    }
  });

export type Resource = z.output<typeof Resource>;
export type ResourceInput = z.input<typeof Resource>;

export function hasIsteSeal(resource: Pick<Resource, 'alignments'>): boolean {
  return resource.alignments.some((a) => a.framework === 'ISTE' && a.provenance.source === 'iste_seal');
}
