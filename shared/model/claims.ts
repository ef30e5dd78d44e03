import { z } from 'zod';
import { isAppError } from '../errors';
import { CERTIFICATION_STANDARD_IDS, CERTIFICATION_STANDARDS } from '../standards/certifications';
import { ISTE_CODE_PATTERN_SOURCE, ISTE_SET_IDS, normaliseIsteCode } from '../standards/iste';
import { IsoDate, plainText, SafeUrl } from './primitives';

/**
 * Who vouches for a claim. Only `iste_seal` may show the ISTE Seal; `1edtech_directory` means a person checked the
 * 1EdTech product directory; `curator` is our own editorial judgement; `vendor_claim` is the vendor's word only.
 */
export const PROVENANCE_SOURCES = [
  'iste_seal',
  '1edtech_directory',
  'district',
  'coach',
  'curator',
  'vendor_claim',
  'imported',
] as const;
export const ProvenanceSource = z.enum(PROVENANCE_SOURCES);
export type ProvenanceSource = z.infer<typeof ProvenanceSource>;

export const Provenance = z
  .object({
    source: ProvenanceSource,
    assertedBy: plainText(200, 1),
    assertedAt: IsoDate,
    evidenceUrl: SafeUrl.optional(),
    note: plainText(500).optional(),
  })
  .strict();
export type Provenance = z.infer<typeof Provenance>;

export const ALIGNMENT_TYPES = ['teaches', 'assesses', 'supports'] as const;

export const IsteAlignment = z
  .object({
    framework: z.literal('ISTE'),
    set: z.enum(ISTE_SET_IDS),
    version: z.string().regex(/^\d{4}$/),
    /** Any wild spelling (`1.1a`, `ISTE.1.4.c`) is accepted and normalised to `1.1.a`. */
    code: z.string().regex(new RegExp(ISTE_CODE_PATTERN_SOURCE)),
    alignmentType: z.enum(ALIGNMENT_TYPES).default('teaches'),
    provenance: Provenance,
  })
  .strict()
  .transform((alignment, ctx) => {
    try {
      const entry = normaliseIsteCode(alignment.code, { set: alignment.set, version: alignment.version });
      return { ...alignment, code: entry.code };
    } catch (error) {
      if (!isAppError(error)) throw error;
      ctx.addIssue({ code: 'custom', message: `${error.code}: ${error.message}`, path: ['code'] });
      return z.NEVER;
    }
  })
  .superRefine((alignment, ctx) => {
    if (alignment.provenance.source === 'iste_seal' && !alignment.provenance.evidenceUrl) {
      ctx.addIssue({
        code: 'custom',
        message: 'an ISTE Seal claim needs the evidence URL of its review report or index listing',
        path: ['provenance', 'evidenceUrl'],
      });
    }
  });
export type IsteAlignment = z.output<typeof IsteAlignment>;

/** Alignment to a CASE item (state or national standards published on a CASE server). */
export const CaseAlignment = z
  .object({
    framework: z.literal('CASE'),
    caseItemUri: SafeUrl,
    caseItemIdentifier: z.uuid().optional(),
    humanCodingScheme: plainText(120).optional(),
    caseDocumentUri: SafeUrl.optional(),
    alignmentType: z.enum(ALIGNMENT_TYPES).default('teaches'),
    provenance: Provenance,
  })
  .strict();
export type CaseAlignment = z.output<typeof CaseAlignment>;

export const Alignment = z.discriminatedUnion('framework', [IsteAlignment, CaseAlignment]);
export type Alignment = z.output<typeof Alignment>;

export const Certification = z
  .object({
    issuer: z.literal('1EdTech').default('1EdTech'),
    standard: z.enum(CERTIFICATION_STANDARD_IDS, {
      error: () => `must be a 1EdTech standard: ${CERTIFICATION_STANDARD_IDS.join(', ')}`,
    }),
    version: z.string().min(1).max(10),
    role: z.string().min(1).max(40),
    designation: plainText(80).optional(),
    services: z
      .array(z.string().regex(/^[a-z-]{2,40}$/))
      .max(10)
      .optional(),
    /** As printed in the 1EdTech directory, e.g. IMSD2C6C25C26C27ce2020W1. Never invented: omit when unknown. */
    registrationNumber: z
      .string()
      .regex(/^IMS[A-Za-z0-9]{6,40}$/)
      .optional(),
    productVersion: plainText(40).optional(),
    directoryUrl: SafeUrl.optional(),
    status: z.enum(['claimed', 'verified']),
    /** When a person last confirmed the claim; stale 12 months later (1EdTech certifications lapse yearly). */
    verifiedAt: IsoDate,
    provenance: Provenance,
  })
  .strict()
  .superRefine((cert, ctx) => {
    const standard = CERTIFICATION_STANDARDS[cert.standard];
    if (!(standard.versions as readonly string[]).includes(cert.version)) {
      ctx.addIssue({
        code: 'custom',
        path: ['version'],
        message: `CERTIFICATION_UNKNOWN: ${standard.name} has no version "${cert.version}"; known: ${standard.versions.join(', ')}`,
      });
    }
    if (!(standard.roles as readonly string[]).includes(cert.role)) {
      ctx.addIssue({
        code: 'custom',
        path: ['role'],
        message: `CERTIFICATION_UNKNOWN: ${standard.name} has no role "${cert.role}"; known: ${standard.roles.join(', ')}`,
      });
    }
    const designations: readonly string[] = 'designations' in standard ? standard.designations : [];
    if (cert.designation && !designations.includes(cert.designation)) {
      ctx.addIssue({
        code: 'custom',
        path: ['designation'],
        message: `CERTIFICATION_UNKNOWN: "${cert.designation}" is not a designation of ${standard.name}${designations.length ? `; known: ${designations.join(', ')}` : ''}`,
      });
    }
    if (cert.status === 'verified' && cert.provenance.source !== '1edtech_directory') {
      ctx.addIssue({
        code: 'custom',
        path: ['status'],
        message:
          'only a check of the 1EdTech directory (provenance 1edtech_directory) can mark a certification verified',
      });
    }
  });
export type Certification = z.output<typeof Certification>;
