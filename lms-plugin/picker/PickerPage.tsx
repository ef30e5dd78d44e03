import type { Resource } from '../../shared/model/resource';
import { GRADE_BAND_LABELS, GRADE_BANDS, SUBJECT_LABELS, SUBJECTS } from '../../shared/model/vocabulary';
import type { SearchResult } from '../../shared/search/engine';
import { CERTIFICATION_STANDARDS } from '../../shared/standards/certifications';
import { ResourceCard } from '../../shared/ui/ResourceCard';

export interface PickerFilters {
  q: string;
  band: string;
  subject: string;
  iste: string;
  cert: string;
}

export interface PickerPageProps {
  session: string;
  courseTitle?: string;
  multiple: boolean;
  sample: boolean;
  filters: PickerFilters;
  selected: Resource[];
  results: Array<{ resource: Resource; result: SearchResult }>;
  isteOptions: Array<{ code: string; label: string }>;
  certOptions: string[];
  error?: string;
  /** The cart was already handed over by the extension: do not ask again. */
  bridged?: boolean;
  now: Date;
}

/**
 * The deep-linking picker, server-rendered so it works as a plain HTML form without JavaScript: one form, where
 * "Search" re-renders (formaction) and "Add" posts the chosen resource ids. Chosen items stay listed, and can be
 * unchosen, across searches.
 */
export function PickerPage(props: PickerPageProps) {
  const { filters, multiple } = props;
  const control = (resource: Resource, checked: boolean) => (
    <label class="choose">
      <input type={multiple ? 'checkbox' : 'radio'} name="resource_id" value={resource.id} checked={checked} />{' '}
      {checked ? 'Chosen' : 'Choose'}
      <span class="visually-hidden"> {resource.title}</span>
    </label>
  );
  const coach = props.results.filter((r) => r.result.explanation.coach);
  const rest = props.results.filter((r) => !r.result.explanation.coach);
  const select = (name: keyof PickerFilters, label: string, options: Array<[string, string]>) => (
    <div class="field">
      <label for={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name}>
        <option value="">Any</option>
        {options.map(([value, text]) => (
          <option value={value} selected={filters[name] === value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <main>
      <header>
        <h1>Add resources{props.courseTitle ? ` to ${props.courseTitle}` : ''}</h1>
        <p>
          {multiple ? 'Choose one or more resources.' : 'Choose one resource.'} They are added as links that open
          through your district's tool, so the district can keep them current.
        </p>
        {props.sample && (
          <p class="notice">
            This is the sample catalog: real, public resources chosen by this project's curators, not yet reviewed by
            your district.
          </p>
        )}
      </header>
      {props.error && (
        <p class="error" role="alert">
          {props.error}
        </p>
      )}
      <form method="post" action="/lti/deep-link/respond" id="picker" data-bridged={props.bridged ? '1' : '0'}>
        <input type="hidden" name="session" value={props.session} />
        {props.bridged && <input type="hidden" name="bridged" value="1" />}
        <fieldset class="search">
          <legend>Find resources</legend>
          <div class="field grow">
            <label for="f-q">Search</label>
            <input id="f-q" type="search" name="q" value={filters.q} placeholder="e.g. photosynthesis grade 7" />
          </div>
          {select(
            'band',
            'Grade band',
            GRADE_BANDS.map((b) => [b, GRADE_BAND_LABELS[b]]),
          )}
          {select(
            'subject',
            'Subject',
            SUBJECTS.map((s) => [s, SUBJECT_LABELS[s]]),
          )}
          {select(
            'iste',
            'ISTE standard',
            props.isteOptions.map((o) => [o.code, `ISTE ${o.code} ${o.label}`]),
          )}
          {select(
            'cert',
            '1EdTech certification',
            props.certOptions.map((c) => [
              c,
              CERTIFICATION_STANDARDS[c as keyof typeof CERTIFICATION_STANDARDS]?.name ?? c,
            ]),
          )}
          <button type="submit" formaction="/lti/picker" name="action" value="search">
            Search
          </button>
        </fieldset>
        {props.selected.length > 0 && (
          <section aria-labelledby="chosen-h">
            <h2 id="chosen-h">Chosen ({props.selected.length})</h2>
            {props.selected.map((resource) => (
              <ResourceCard resource={resource} now={props.now} compact action={control(resource, true)} />
            ))}
          </section>
        )}
        {coach.length > 0 && (
          <section aria-labelledby="coach-h">
            <h2 id="coach-h">Recommended by your coaches</h2>
            {coach.map(({ resource, result }) => (
              <ResourceCard
                resource={resource}
                explanation={result.explanation}
                now={props.now}
                action={control(resource, false)}
              />
            ))}
          </section>
        )}
        <section aria-labelledby="results-h">
          <h2 id="results-h">{filters.q ? `Results for “${filters.q}”` : 'Suggestions'}</h2>
          {rest.length === 0 && coach.length === 0 && <p>No resources match. Try fewer words or clear a filter.</p>}
          {rest.map(({ resource, result }) => (
            <ResourceCard
              resource={resource}
              explanation={result.explanation}
              now={props.now}
              action={control(resource, false)}
            />
          ))}
        </section>
        <div class="actions">
          <button type="submit" name="action" value="submit" id="add">
            Add chosen resources to the course
          </button>
          <button type="submit" name="action" value="cancel" class="secondary">
            Cancel
          </button>
        </div>
      </form>
    </main>
  );
}
