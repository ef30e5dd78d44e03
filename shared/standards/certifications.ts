/**
 * The 1EdTech (IMS Global) certification vocabulary: which standards, versions and roles a product can be
 * certified for. Sources: docs/reference/standards.md b.1-b.2. A certification names one of these standards, one of
 * its versions and one of its roles; anything else is rejected as `CERTIFICATION_UNKNOWN`, so a feed cannot invent
 * a standard.
 */

export interface CertificationStandardData {
  readonly name: string;
  readonly versions: readonly string[];
  readonly roles: readonly string[];
  /** Named bundles the directory shows (e.g. "LTI Advantage Complete"). */
  readonly designations?: readonly string[];
  readonly specUrl: string;
}

export const CERTIFICATION_STANDARDS = {
  lti: {
    name: 'LTI Core',
    versions: ['1.0', '1.1', '1.3'],
    roles: ['tool', 'platform'],
    specUrl: 'https://www.1edtech.org/standards/lti',
  },
  'lti-advantage': {
    name: 'LTI Advantage',
    versions: ['1.3'],
    roles: ['tool', 'platform'],
    designations: ['LTI Advantage Certified', 'LTI Advantage Complete'],
    specUrl: 'https://www.1edtech.org/standards/lti',
  },
  'lti-deep-linking': {
    name: 'LTI Deep Linking',
    versions: ['1.0', '2.0'],
    roles: ['tool', 'platform'],
    specUrl: 'https://www.imsglobal.org/spec/lti-dl/v2p0',
  },
  'lti-nrps': {
    name: 'LTI Names and Role Provisioning Services',
    versions: ['2.0'],
    roles: ['tool', 'platform'],
    specUrl: 'https://www.imsglobal.org/spec/lti-nrps/v2p0',
  },
  'lti-ags': {
    name: 'LTI Assignment and Grade Services',
    versions: ['2.0'],
    roles: ['tool', 'platform'],
    specUrl: 'https://www.imsglobal.org/spec/lti-ags/v2p0',
  },
  'lti-basic-outcomes': {
    name: 'LTI Basic Outcomes',
    versions: ['1.0'],
    roles: ['tool', 'platform'],
    specUrl: 'https://www.1edtech.org/standards/lti',
  },
  'common-cartridge': {
    name: 'Common Cartridge',
    versions: ['1.0', '1.1', '1.2', '1.3', '1.4'],
    roles: ['publisher', 'platform'],
    specUrl: 'https://www.1edtech.org/standards/cc',
  },
  'thin-common-cartridge': {
    name: 'Thin Common Cartridge',
    versions: ['1.2', '1.3', '1.4'],
    roles: ['publisher', 'platform'],
    specUrl: 'https://www.imsglobal.org/cc/CCv1p0thin/ims_thinCC_impl-v1p0.html',
  },
  oneroster: {
    name: 'OneRoster',
    versions: ['1.0', '1.1', '1.2'],
    roles: ['provider', 'consumer'],
    specUrl: 'https://www.1edtech.org/standards/oneroster',
  },
  caliper: {
    name: 'Caliper Analytics',
    versions: ['1.0', '1.1', '1.2'],
    roles: ['sensor', 'endpoint'],
    specUrl: 'https://www.1edtech.org/standards/caliper',
  },
  qti: {
    name: 'QTI',
    versions: ['2.1', '2.2', '3.0'],
    roles: ['authoring', 'delivery', 'item-bank'],
    specUrl: 'https://www.1edtech.org/standards/qti',
  },
  case: {
    name: 'CASE',
    versions: ['1.0', '1.1'],
    roles: ['provider', 'consumer'],
    specUrl: 'https://www.1edtech.org/standards/case',
  },
  'open-badges': {
    name: 'Open Badges',
    versions: ['2.0', '2.1', '3.0'],
    roles: ['issuer', 'displayer', 'host'],
    specUrl: 'https://www.1edtech.org/standards/open-badges',
  },
  clr: {
    name: 'Comprehensive Learner Record',
    versions: ['1.0', '2.0'],
    roles: ['issuer', 'displayer', 'host'],
    specUrl: 'https://www.1edtech.org/standards/clr',
  },
  'edu-api': {
    name: 'Edu-API',
    versions: ['1.0'],
    roles: ['provider', 'consumer'],
    specUrl: 'https://www.1edtech.org/standards/edu-api',
  },
} as const satisfies Record<string, CertificationStandardData>;

export type CertificationStandardId = keyof typeof CERTIFICATION_STANDARDS;
export const CERTIFICATION_STANDARD_IDS = Object.keys(CERTIFICATION_STANDARDS) as [
  CertificationStandardId,
  ...CertificationStandardId[],
];

/** OneRoster services a provider or consumer may be certified for. */
export const ONEROSTER_SERVICES = ['rostering', 'gradebook', 'resources'] as const;

export const CERTIFICATION_STALE_AFTER_MONTHS = 12;

/** 1EdTech certifications lapse after one year: a certification is stale 12 months after it was last verified. */
export function isCertificationStale(verifiedAt: string, now: Date = new Date()): boolean {
  const staleAt = new Date(verifiedAt);
  staleAt.setUTCMonth(staleAt.getUTCMonth() + CERTIFICATION_STALE_AFTER_MONTHS);
  return now.getTime() >= staleAt.getTime();
}

/** Whole months since `verifiedAt`, for "verified 14 months ago". */
export function monthsSince(isoDate: string, now: Date = new Date()): number {
  const then = new Date(isoDate);
  let months = (now.getUTCFullYear() - then.getUTCFullYear()) * 12 + (now.getUTCMonth() - then.getUTCMonth());
  if (now.getUTCDate() < then.getUTCDate()) months -= 1;
  return Math.max(0, months);
}

export function certificationLabel(cert: { standard: CertificationStandardId; version: string; role: string }): string {
  return `${CERTIFICATION_STANDARDS[cert.standard].name} ${cert.version} (${cert.role})`;
}
