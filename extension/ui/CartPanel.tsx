import type { ComponentChildren } from 'preact';
import type { Resource } from '../../shared/model/resource';
import type { Cart } from '../data/db';

/** The unit's cart: what the teacher picked for this unit. It survives reloads and browser restarts (IndexedDB). */
export function CartPanel({
  cart,
  resources,
  onRemove,
  children,
}: {
  cart: Cart | null;
  resources: Resource[];
  onRemove(id: string, title: string): void;
  children?: ComponentChildren;
}) {
  const items = cart?.items ?? [];
  const title = (id: string) => resources.find((r) => r.id === id)?.title ?? id;
  return (
    <section class="cart" aria-labelledby="cart-h">
      <h2 id="cart-h">This unit's cart ({items.length})</h2>
      {items.length === 0 ? (
        <p class="hint">Add resources with “Add to unit”; they wait here until you insert them into the course.</p>
      ) : (
        <ul class="cart-items">
          {items.map((item) => (
            <li key={item.resourceId} data-cart-item={item.resourceId}>
              <span>{title(item.resourceId)}</span>{' '}
              <button
                type="button"
                class="secondary small"
                onClick={() => onRemove(item.resourceId, title(item.resourceId))}
              >
                Remove<span class="visually-hidden"> {title(item.resourceId)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {children}
    </section>
  );
}
