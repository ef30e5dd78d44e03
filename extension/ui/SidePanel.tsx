import { useEffect, useState } from 'preact/hooks';
import type { DistrictPolicy } from '../../shared/model/district-policy';
import type { UnitContext } from '../../shared/model/unit-context';
import type { Cart } from '../data/db';
import { send } from '../messaging';
import { CoachLists } from './CoachLists';
import { FilterBar, type Filters } from './FilterBar';
import { PendingSites } from './PendingSites';
import { SuggestionList } from './SuggestionList';
import { SampleNotice, UnitCart } from './UnitCart';
import { useBroadcast } from './use-runtime';
import { useUnit } from './use-unit';

/**
 * The side panel (Chrome, Edge) or sidebar (Firefox): full search and browse of the catalog, the cart of the unit in
 * the active tab, the district's coach lists, and every unit's cart. It follows the teacher from page to page of the course.
 */
export function SidePanel() {
  const [active, setActive] = useState<{ key: string; context: UnitContext } | null>(null);
  const [filters, setFilters] = useState<Filters>({ q: '', band: '', subject: '' });
  const [carts, setCarts] = useState<Cart[]>([]);
  const [policy, setPolicy] = useState<DistrictPolicy>();
  useEffect(() => void send({ type: 'policy:get' }).then((p) => setPolicy(p.policy)), []);
  const refresh = () => {
    void send({ type: 'context:active' }).then(setActive);
    void send({ type: 'carts:list' }).then(setCarts);
  };
  useEffect(refresh, []);
  useBroadcast((m) => {
    if (m.type === 'context:changed' || m.type === 'cart:changed') refresh();
  }, []);
  useEffect(() => {
    const onFocus = () => refresh();
    addEventListener('focus', onFocus);
    const timer = setInterval(refresh, 3000);
    return () => {
      removeEventListener('focus', onFocus);
      clearInterval(timer);
    };
  }, []);
  const context = active?.context ?? null;
  const { reply, cart, cartResources, inCart, onToggle, status, canAdd } = useUnit(context, filters, 25);

  return (
    <main class="panel">
      <h1>Resource suggestions</h1>
      <p class="hint">
        {context ? (
          <>
            Building <strong>{context.unitTitle || 'a unit'}</strong>
            {context.courseName ? ` in ${context.courseName}` : ''}.
          </>
        ) : (
          'Open a module, unit or page editor in your LMS to get suggestions for it. You can search the whole catalog here.'
        )}
      </p>
      <PendingSites />
      {reply?.sample && <SampleNotice />}
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
      <FilterBar filters={filters} onChange={setFilters} idPrefix="sp" />
      <section aria-labelledby="sp-results-h">
        <h2 id="sp-results-h">
          {filters.q ? `Results for “${filters.q}”` : context ? 'Suggested for this unit' : 'Browse the catalog'}
        </h2>
        {reply && reply.suggestions.length === 0 && <p>No resources match.</p>}
        {reply && (
          <SuggestionList
            suggestions={reply.suggestions}
            inCart={inCart}
            canAdd={canAdd}
            onToggle={(id, title) => void onToggle(id, title)}
          />
        )}
      </section>
      <CoachLists inCart={inCart} canAdd={canAdd} onToggle={(id, title) => void onToggle(id, title)} />
      <section aria-labelledby="carts-h">
        <h2 id="carts-h">Carts of your units ({carts.length})</h2>
        {carts.length === 0 ? (
          <p class="hint">No unit has resources waiting.</p>
        ) : (
          <ul>
            {carts.map((c) => (
              <li key={c.unitKey}>
                {c.unitTitle || c.unitKey} {c.courseName ? `(${c.courseName})` : ''}: {c.items.length} resource
                {c.items.length === 1 ? '' : 's'}
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
