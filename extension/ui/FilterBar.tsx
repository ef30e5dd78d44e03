import {
  GRADE_BAND_LABELS,
  GRADE_BANDS,
  type GradeBand,
  SUBJECT_LABELS,
  SUBJECTS,
  type Subject,
} from '../../shared/model/vocabulary';

export interface Filters {
  q: string;
  band: GradeBand | '';
  subject: Subject | '';
}

/** Search box and filters. Typos are forgiven by the engine; the box says so in its hint. */
export function FilterBar({
  filters,
  onChange,
  idPrefix,
}: {
  filters: Filters;
  onChange(f: Filters): void;
  idPrefix: string;
}) {
  return (
    <form class="filters" aria-label="Search and filters" onSubmit={(e) => e.preventDefault()}>
      <div class="field grow">
        <label for={`${idPrefix}-q`}>Search the catalog</label>
        <input
          id={`${idPrefix}-q`}
          type="search"
          value={filters.q}
          placeholder="e.g. photosynthesis lab"
          aria-describedby={`${idPrefix}-q-hint`}
          onInput={(e) => onChange({ ...filters, q: (e.target as HTMLInputElement).value })}
        />
        <span id={`${idPrefix}-q-hint`} class="hint">
          Leave empty for suggestions from this page. Spelling mistakes are fine.
        </span>
      </div>
      <div class="field">
        <label for={`${idPrefix}-band`}>Grades</label>
        <select
          id={`${idPrefix}-band`}
          value={filters.band}
          onChange={(e) => onChange({ ...filters, band: (e.target as HTMLSelectElement).value as GradeBand | '' })}
        >
          <option value="">Any</option>
          {GRADE_BANDS.map((b) => (
            <option value={b}>{GRADE_BAND_LABELS[b]}</option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${idPrefix}-subject`}>Subject</label>
        <select
          id={`${idPrefix}-subject`}
          value={filters.subject}
          onChange={(e) => onChange({ ...filters, subject: (e.target as HTMLSelectElement).value as Subject | '' })}
        >
          <option value="">Any</option>
          {SUBJECTS.map((s) => (
            <option value={s}>{SUBJECT_LABELS[s]}</option>
          ))}
        </select>
      </div>
    </form>
  );
}
