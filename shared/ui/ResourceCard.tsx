import type { ComponentChildren } from 'preact';
import type { Resource } from '../model/resource';
import type { Explanation } from '../search/engine';
import { certificationLines, formatBands, formatExplanation, formatSubjects, isteLines, signalLines } from './format';

export interface ResourceCardProps {
  resource: Resource;
  explanation?: Explanation;
  /** The control that acts on the card: a checkbox in the picker, "Add to unit" in the overlay. */
  action?: ComponentChildren;
  now?: Date;
  /** Heading level of the title within the page's outline. */
  level?: 2 | 3 | 4;
  /** Shorter card for narrow panels: no description, fewer lines. */
  compact?: boolean;
  /** Keeps element ids unique when one resource is shown in several lists on a page. */
  idPrefix?: string;
}

/**
 * One resource with its trust signals: ISTE alignments with who asserts them, the ISTE Seal only where awarded,
 * certifications with their age (stale after 12 months), privacy and accessibility where known, and why it was
 * suggested. All text is rendered as text: catalog content can never become markup.
 */
export function ResourceCard({
  resource,
  explanation,
  action,
  now = new Date(),
  level = 3,
  compact = false,
  idPrefix = '',
}: ResourceCardProps) {
  const Heading = `h${level}` as 'h3';
  const headingId = `${idPrefix}res-${resource.id}`;
  const iste = isteLines(resource);
  const certs = certificationLines(resource, now);
  const signals = signalLines(resource);
  const seal = iste.some((l) => l.seal);
  return (
    <article class="resource-card" aria-labelledby={headingId} data-resource-id={resource.id}>
      <Heading id={headingId} class="resource-title">
        <a href={resource.url} target="_blank" rel="noopener noreferrer">
          {resource.title}
        </a>
      </Heading>
      <p class="resource-meta">
        {resource.provider.name} · {formatBands(resource.gradeBands)} · {formatSubjects(resource)}
        {resource.licence.access !== 'free' ? ` · ${resource.licence.access}` : ' · free'}
      </p>
      {seal && <p class="badge seal">ISTE Seal awarded</p>}
      {explanation && (
        <p class="why">
          <span class="visually-hidden">Why suggested: </span>
          {formatExplanation(explanation)}
        </p>
      )}
      {explanation?.coach?.note && <p class="coach-note">Coach’s note: {explanation.coach.note}</p>}
      {!compact && resource.description && <p class="description">{resource.description}</p>}
      {iste.length > 0 && (
        <ul class="iste" aria-label="ISTE Standards alignments">
          {iste.slice(0, compact ? 3 : 8).map((line) => (
            <li key={line.code + line.setTitle + line.provenance}>
              <a
                href={line.url}
                target="_blank"
                rel="noopener noreferrer"
                class="iste-code"
                title={`${line.standardName}: ${line.label}`}
              >
                {line.code}
              </a>{' '}
              <span class="iste-label">
                {line.label}
                {line.verified ? '' : ' (our label, unverified)'}
              </span>{' '}
              <span class="provenance">— {line.provenance}</span>
            </li>
          ))}
        </ul>
      )}
      {certs.length > 0 && (
        <ul class="certs" aria-label="1EdTech certifications">
          {certs.map((c) => (
            <li key={c.text} class={c.stale ? 'stale' : undefined}>
              {c.text}
              {c.registrationNumber ? ` · reg. ${c.registrationNumber}` : ''} ·{' '}
              {c.status === 'verified' ? 'verified' : 'claimed'} by {c.provenance}
              {' · '}
              {c.age}
              {c.stale && <strong class="stale-label"> · stale, re-check</strong>}
            </li>
          ))}
        </ul>
      )}
      {signals.length > 0 && (
        <ul class="signals" aria-label="Privacy and accessibility">
          {signals.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      )}
      {action && <div class="card-action">{action}</div>}
    </article>
  );
}
