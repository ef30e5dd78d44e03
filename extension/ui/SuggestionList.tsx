import { ResourceCard } from '../../shared/ui/ResourceCard';
import type { Suggestion } from '../background/catalog-service';

/** Ranked suggestions with their reasons and trust signals, each with an add/remove control for the unit's cart. */
export function SuggestionList(props: {
  suggestions: Suggestion[];
  inCart: Set<string>;
  canAdd: boolean;
  onToggle(id: string, title: string): void;
  compact?: boolean;
  idPrefix?: string;
}) {
  return (
    <ol class="results">
      {props.suggestions.map(({ result, resource }) => {
        const added = props.inCart.has(resource.id);
        return (
          <li key={resource.id}>
            <ResourceCard
              resource={resource}
              explanation={result.explanation}
              compact={props.compact}
              idPrefix={props.idPrefix}
              level={3}
              action={
                <button
                  type="button"
                  class={added ? 'secondary' : undefined}
                  aria-pressed={added}
                  disabled={!props.canAdd}
                  onClick={() => props.onToggle(resource.id, resource.title)}
                >
                  {added ? 'In this unit ✓' : 'Add to unit'}
                  <span class="visually-hidden"> {resource.title}</span>
                </button>
              }
            />
          </li>
        );
      })}
    </ol>
  );
}
