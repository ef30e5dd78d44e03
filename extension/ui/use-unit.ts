import { useEffect, useState } from 'preact/hooks';
import type { Resource } from '../../shared/model/resource';
import type { UnitContext } from '../../shared/model/unit-context';
import type { SuggestReply } from '../background/catalog-service';
import type { Cart } from '../data/db';
import { send } from '../messaging';
import type { Filters } from './FilterBar';
import { useBroadcast } from './use-runtime';

/** Suggestions and the cart for one unit context, kept current as the page, the catalog and the cart change. */
export function useUnit(context: UnitContext | null, filters: Filters, limit?: number) {
  const [reply, setReply] = useState<SuggestReply>();
  const [cart, setCart] = useState<Cart | null>(null);
  const [cartResources, setCartResources] = useState<Resource[]>([]);
  const [catalogTick, setCatalogTick] = useState(0);
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');

  useEffect(() => {
    let alive = true;
    send({
      type: 'suggest',
      request: { context, q: filters.q, band: filters.band, subject: filters.subject, limit },
    }).then(
      (r) => alive && setReply(r),
      (e: Error) => alive && setError(e.message),
    );
    return () => {
      alive = false;
    };
  }, [context, filters.q, filters.band, filters.subject, limit, catalogTick]);

  const loadCart = () => {
    if (!context) return;
    void send({ type: 'cart:get', unitKey: context.unitKey }).then(async (c) => {
      setCart(c);
      setCartResources(
        c?.items.length ? await send({ type: 'resources:get', ids: c.items.map((i) => i.resourceId) }) : [],
      );
    });
  };
  useEffect(loadCart, [context?.unitKey]);
  useBroadcast(
    (m) => {
      if (m.type === 'catalog:changed') setCatalogTick((t) => t + 1);
      if (m.type === 'cart:changed' && m.unitKey === context?.unitKey) loadCart();
    },
    [context?.unitKey],
  );

  const unit = context && {
    unitKey: context.unitKey,
    lms: context.lms,
    unitTitle: context.unitTitle,
    courseName: context.courseName,
  };
  const toggle = async (id: string): Promise<'added' | 'removed' | 'failed'> => {
    if (!unit) return 'failed';
    const inCart = cart?.items.some((i) => i.resourceId === id);
    const next = inCart
      ? await send({ type: 'cart:remove', unitKey: unit.unitKey, resourceId: id })
      : await send({ type: 'cart:add', unit, resourceId: id });
    if (!next) return 'failed';
    loadCart();
    return inCart ? 'removed' : 'added';
  };
  /** Adds or removes, and says what happened for screen readers. */
  const onToggle = async (id: string, title: string) => {
    const outcome = await toggle(id);
    setStatus(
      outcome === 'failed'
        ? 'Could not change the cart.'
        : `${outcome === 'added' ? 'Added' : 'Removed'} ${title} ${outcome === 'added' ? 'to' : 'from'} this unit's cart.`,
    );
  };
  const inCart = new Set(cart?.items.map((i) => i.resourceId));
  return { reply, cart, cartResources, inCart, onToggle, status, error, canAdd: Boolean(unit) };
}
