import type { Certification, ProvenanceSource } from '../model/claims';
import type { Resource } from '../model/resource';
import { GRADE_BAND_LABELS, type GradeBand, SUBJECT_LABELS } from '../model/vocabulary';
import type { Explanation } from '../search/engine';
import { CERTIFICATION_STANDARDS, isCertificationStale, monthsSince } from '../standards/certifications';
import { isteDisplayCode, lookupIste } from '../standards/iste';

/** Words shown for who vouches for a claim. */
export const PROVENANCE_LABELS: Record<ProvenanceSource, string> = {
  iste_seal: 'ISTE Seal',
  '1edtech_directory': '1EdTech directory',
  district: 'your district',
  coach: 'a coach',
  curator: 'catalog curators',
  vendor_claim: "vendor's claim",
  imported: 'imported',
};

/** Grade bands as a teacher reads them: "grades 6-8", "grades 3-8" when contiguous, else listed. */
export function formatBands(bands: readonly GradeBand[]): string {
  if (!bands.length) return '';
  const order = ['PreK', 'K-2', '3-5', '6-8', '9-12'];
  const k12 = bands.filter((b) => order.includes(b)).sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const contiguous = k12.every((b, i) => i === 0 || order.indexOf(b) === order.indexOf(k12[i - 1]!) + 1);
  const parts: string[] = [];
  if (k12.length > 1 && contiguous) {
    const first = k12[0]!.split('-')[0]!;
    const last = k12[k12.length - 1]!.split('-').pop()!;
    parts.push(first === 'PreK' ? `Pre-K to grade ${last}` : `grades ${first}-${last}`);
  } else parts.push(...k12.map((b) => GRADE_BAND_LABELS[b]));
  for (const b of bands) if (!order.includes(b)) parts.push(GRADE_BAND_LABELS[b]);
  return parts.join(', ');
}

export const formatSubjects = (resource: Pick<Resource, 'subjects'>): string =>
  resource.subjects.map((s) => SUBJECT_LABELS[s]).join(', ');

/** Why a result was suggested, in one line: "photosynthesis · grades 6-8 · ISTE 1.3.d · coach pick". */
export function formatExplanation(explanation: Explanation): string {
  const parts: string[] = [];
  if (explanation.terms.length) parts.push(explanation.terms.join(', '));
  if (explanation.bands.length) parts.push(formatBands(explanation.bands));
  if (explanation.subjects.length)
    parts.push(explanation.subjects.map((s) => SUBJECT_LABELS[s].toLowerCase()).join(', '));
  for (const code of explanation.iste) parts.push(`ISTE ${code}`);
  if (explanation.coach) parts.push(`recommended in "${explanation.coach.listTitle}"`);
  if (explanation.boosts.includes('iste-seal')) parts.push('ISTE Seal');
  if (explanation.boosts.includes('required-certification')) parts.push('meets district certification requirements');
  if (explanation.boosts.includes('preferred-provider')) parts.push('district-preferred provider');
  return parts.join(' · ');
}

export interface IsteLine {
  code: string;
  label: string;
  standardName: string;
  setTitle: string;
  url: string;
  provenance: string;
  seal: boolean;
  verified: boolean;
}

export function isteLines(resource: Pick<Resource, 'alignments'>): IsteLine[] {
  const lines: IsteLine[] = [];
  for (const a of resource.alignments) {
    if (a.framework !== 'ISTE') continue;
    const entry = lookupIste(a);
    lines.push({
      code: isteDisplayCode(a),
      label: entry?.label ?? '',
      standardName: entry?.standardName ?? '',
      setTitle: entry?.setTitle ?? `${a.set} ${a.version}`,
      url: entry?.url ?? 'https://iste.org/standards',
      provenance: PROVENANCE_LABELS[a.provenance.source],
      seal: a.provenance.source === 'iste_seal',
      verified: entry?.verified ?? false,
    });
  }
  return lines;
}

export interface CertificationLine {
  text: string;
  age: string;
  stale: boolean;
  status: 'claimed' | 'verified';
  registrationNumber?: string;
  provenance: string;
  url?: string;
}

export function certificationLines(
  resource: Pick<Resource, 'certifications'>,
  now: Date = new Date(),
): CertificationLine[] {
  return resource.certifications.map((c: Certification) => {
    const months = monthsSince(c.verifiedAt, now);
    const stale = isCertificationStale(c.verifiedAt, now);
    const name = c.designation ?? CERTIFICATION_STANDARDS[c.standard].name;
    return {
      text: `${name} ${c.version} (${c.role})`,
      age:
        months === 0
          ? 'checked this month'
          : months < 24
            ? `checked ${months} months ago`
            : `checked ${Math.floor(months / 12)} years ago`,
      stale,
      status: c.status,
      registrationNumber: c.registrationNumber,
      provenance: PROVENANCE_LABELS[c.provenance.source],
      url: c.directoryUrl ?? c.provenance.evidenceUrl,
    };
  });
}

const FEATURE_LABELS: Record<string, string> = {
  keyboard: 'keyboard access',
  'screen-reader': 'screen reader support',
  captions: 'captions',
  transcript: 'transcripts',
  'audio-trace': 'audio graphs',
};

/** Privacy and accessibility signals where known; nothing when nothing is known (never a guess). */
export function signalLines(resource: Pick<Resource, 'privacy' | 'accessibility'>): string[] {
  const lines: string[] = [];
  const accounts = resource.privacy?.studentAccounts;
  if (accounts === 'none') lines.push('No student accounts');
  if (accounts === 'optional') lines.push('Student accounts optional');
  if (accounts === 'required') lines.push('Student accounts required');
  for (const s of resource.privacy?.signals ?? [])
    lines.push(`${s.kind.replace(/-/g, ' ')}${s.value ? `: ${s.value}` : ''}`);
  const a11y = resource.accessibility;
  if (a11y?.wcag) lines.push(`WCAG ${a11y.wcag} (${PROVENANCE_LABELS[a11y.provenance.source]})`);
  if (a11y?.features.length) {
    lines.push(
      `Accessibility: ${a11y.features.map((f) => FEATURE_LABELS[f] ?? f).join(', ')} (${PROVENANCE_LABELS[a11y.provenance.source]})`,
    );
  }
  return lines;
}
