import { useEffect, useState } from 'preact/hooks';
import type { DistrictPolicy } from '../../shared/model/district-policy';
import type { UnitContext } from '../../shared/model/unit-context';
import { send } from '../messaging';
import { FilterBar, type Filters } from './FilterBar';
import { SuggestionList } from './SuggestionList';
import { SampleNotice, UnitCart } from './UnitCart';
import { useBroadcast } from './use-runtime';
import { useUnit } from './use-unit';

/**
 * The overlay beside the LMS editor: the top suggestions for the unit on the page, each with why it was suggested and
 * its trust signals; a search box and filters; "Add to unit" into the unit's cart. Runs in its own frame (an extension
 * page), so the LMS page can neither read it nor post into it.
 */
export function Overlay({ contextKey }: { contextKey: string }) {
  const [context, setContext] = useState<UnitContext | null>(null);
  const [filters, setFilters] = useState<Filters>({ q: '', band: '', subject: '' });
  const [policy, setPolicy] = useState<DistrictPolicy>();
  const loadContext = () => void send({ type: 'context:get', key: contextKey }).then(setContext);
  useEffect(() => void send({ type: 'policy:get' }).then((p) => setPolicy(p.policy)), []);
  useEffect(loadContext, [contextKey]);
  useBroadcast(
    (m) => {
      if (m.type === 'context:changed' && m.key === contextKey) loadContext();
    },
    [contextKey],
  );
  const { reply, cart, cartResources, inCart, onToggle, status, error, canAdd } = useUnit(context, filters);

  if (error)
    return (
      <p class="error" role="alert">
        Suggestions are unavailable: {error}
      </p>
    );

  return (
    <div class="overlay">
      <header class="bar">
        <h1>Suggestions{context?.unitTitle ? <span class="unit"> for “{context.unitTitle}”</span> : null}</h1>
        <button type="button" class="secondary" onClick={() => void send({ type: 'overlay:toggle', expanded: false })}>
          Hide<span class="visually-hidden"> suggestions</span>
        </button>
      </header>
      {reply?.sample && <SampleNotice />}
      <FilterBar filters={filters} onChange={setFilters} idPrefix="ov" />
      <p class="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      {context && (
        <UnitCart
          context={context}
          cart={cart}
          resources={cartResources}
          policy={policy}
          onRemove={(id, title) => void onToggle(id, title)}
        />
      )}
      <section aria-labelledby="sugg-h" aria-busy={!reply}>
        <h2 id="sugg-h">{filters.q ? `Results for “${filters.q}”` : 'Suggested for this unit'}</h2>
        {!reply && <p role="status">Loading suggestions…</p>}
        {reply && reply.suggestions.length === 0 && <p>No suggestions match. Try other words or clear a filter.</p>}
        {reply && (
          <SuggestionList
            suggestions={reply.suggestions}
            inCart={inCart}
            canAdd={canAdd}
            onToggle={(id, title) => void onToggle(id, title)}
            compact
          />
        )}
      </section>
    </div>
  );
}
