import type { Cart, SuggestionsDB } from './db';

export interface CartUnit {
  unitKey: string;
  lms: string;
  unitTitle?: string;
  courseName?: string;
}

/** A unit's cart: the resources a teacher picked for it, kept in IndexedDB across reloads and browser restarts. */
export async function getCart(db: SuggestionsDB, unitKey: string): Promise<Cart | undefined> {
  return db.get('carts', unitKey);
}

export async function addToCart(
  db: SuggestionsDB,
  unit: CartUnit,
  resourceId: string,
  now = Date.now(),
): Promise<Cart> {
  const tx = db.transaction('carts', 'readwrite');
  const existing = await tx.store.get(unit.unitKey);
  const cart: Cart = existing ?? { ...unit, items: [], updatedAt: now };
  if (!cart.items.some((i) => i.resourceId === resourceId)) cart.items.push({ resourceId, addedAt: now });
  cart.unitTitle = unit.unitTitle ?? cart.unitTitle;
  cart.courseName = unit.courseName ?? cart.courseName;
  cart.updatedAt = now;
  await tx.store.put(cart);
  await tx.done;
  return cart;
}

export async function removeFromCart(
  db: SuggestionsDB,
  unitKey: string,
  resourceId: string,
  now = Date.now(),
): Promise<Cart | undefined> {
  const tx = db.transaction('carts', 'readwrite');
  const cart = await tx.store.get(unitKey);
  if (cart) {
    cart.items = cart.items.filter((i) => i.resourceId !== resourceId);
    cart.updatedAt = now;
    await tx.store.put(cart);
  }
  await tx.done;
  return cart;
}

/** Only after the LMS accepted the insertion: a cancelled or failed insertion must leave the cart as it was. */
export async function clearCart(db: SuggestionsDB, unitKey: string, insertedIds: readonly string[]): Promise<void> {
  const tx = db.transaction('carts', 'readwrite');
  const cart = await tx.store.get(unitKey);
  if (cart) {
    cart.items = cart.items.filter((i) => !insertedIds.includes(i.resourceId));
    cart.updatedAt = Date.now();
    await tx.store.put(cart);
  }
  await tx.done;
}

export async function listCarts(db: SuggestionsDB): Promise<Cart[]> {
  return (await db.getAllFromIndex('carts', 'byUpdated')).reverse().filter((c) => c.items.length > 0);
}
