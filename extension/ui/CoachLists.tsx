import { useEffect, useState } from 'preact/hooks';
import type { CuratedList } from '../../shared/model/curated-list';
import type { Resource } from '../../shared/model/resource';
import type { Explanation } from '../../shared/search/engine';
import { formatBands } from '../../shared/ui/format';
import type { ListView } from '../background/catalog-service';
import { send } from '../messaging';
import { SuggestionList } from './SuggestionList';
import { useBroadcast } from './use-runtime';

const coachExplanation = (list: CuratedList, resource: Resource): Explanation => ({
  terms: [],
  bands: [],
  subjects: [],
  kinds: [],
  iste: [],
  boosts: [],
  corrections: [],
  coach: {
    listId: list.id,
    listTitle: list.title,
    note: list.items.find((i) => i.resourceId === resource.id)?.note,
  },
});

/** The coach lists the district shares, each opened on demand, with "Add to unit" on every resource. */
export function CoachLists(props: { inCart: Set<string>; canAdd: boolean; onToggle(id: string, title: string): void }) {
  const [views, setViews] = useState<ListView[]>([]);
  const load = () => void send({ type: 'lists:get' }).then(setViews);
  useEffect(load, []);
  useBroadcast((m) => {
    if (m.type === 'catalog:changed') load();
  }, []);

  return (
    <section aria-labelledby="lists-h">
      <h2 id="lists-h">Coach lists ({views.length})</h2>
      {views.length === 0 && <p class="hint">Your district shares no coach lists yet.</p>}
      {views.map(({ list, resources }) => (
        <details key={list.id} class="coach-list" data-list={list.id}>
          <summary>
            <strong>{list.title}</strong>{' '}
            <span class="hint">
              {list.owner.name} · {resources.length} resource{resources.length === 1 ? '' : 's'}
              {list.audience.gradeBands.length ? ` · ${formatBands(list.audience.gradeBands)}` : ''}
            </span>
          </summary>
          {list.description && <p>{list.description}</p>}
          <SuggestionList
            suggestions={resources.map((resource) => ({
              resource,
              result: { id: resource.id, score: 0, explanation: coachExplanation(list, resource) },
            }))}
            inCart={props.inCart}
            canAdd={props.canAdd}
            onToggle={props.onToggle}
            compact
            idPrefix={`list-${list.id}-`}
          />
        </details>
      ))}
    </section>
  );
}
