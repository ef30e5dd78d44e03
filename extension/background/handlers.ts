import type { UnitContext } from '../../shared/model/unit-context';
import { addToCart, getCart, listCarts, removeFromCart } from '../data/carts';
import type { SyncOutcome } from '../data/catalog-sync';
import type { SuggestionsDB } from '../data/db';
import type { PolicyRead } from '../data/policy';
import type { Message, Replies } from '../messaging';
import type { CatalogService } from './catalog-service';
import { acceptContext } from './context-hints';

export interface Sender {
  tabId?: number;
  /** Whether the sender is one of our extension pages (overlay, side panel, options), not a content script. */
  fromExtensionPage: boolean;
}

export interface HandlerDeps {
  session: { get<T>(key: string): Promise<T | undefined>; set(key: string, value: unknown): Promise<void> };
  activeTabId(): Promise<number | undefined>;
  sendToTab(tabId: number, message: Message): Promise<void>;
  broadcast(message: Message): Promise<void>;
  policy(): Promise<PolicyRead>;
  sync(): Promise<SyncOutcome[]>;
  catalog: CatalogService;
  db(): Promise<SuggestionsDB>;
}

interface StoredContext {
  tabId: number;
  context: UnitContext;
}

type Handler<T extends Message['type']> = (
  message: Extract<Message, { type: T }>,
  sender: Sender,
) => Promise<Replies[T]>;

/**
 * The background's message router, a plain function over injected dependencies so it is tested without a browser.
 * Contexts are kept in session storage (the service worker may be stopped at any moment) and never leave the device.
 */
export function createHandlers(deps: HandlerDeps) {
  const handlers: { [T in Message['type']]: Handler<T> } = {
    async 'context:publish'(message, sender) {
      if (sender.tabId === undefined || sender.fromExtensionPage) return { ok: false };
      const context = acceptContext(message.context);
      if (!context || !/^[A-Za-z0-9_-]{8,64}$/.test(message.key)) return { ok: false };
      await deps.session.set(`ctx:${message.key}`, { tabId: sender.tabId, context } satisfies StoredContext);
      await deps.session.set(`tab:${sender.tabId}`, message.key);
      await deps.broadcast({ type: 'context:changed', key: message.key });
      return { ok: true };
    },
    async 'context:get'(message) {
      return (await deps.session.get<StoredContext>(`ctx:${message.key}`))?.context ?? null;
    },
    async 'context:active'() {
      const tabId = await deps.activeTabId();
      if (tabId === undefined) return null;
      const key = await deps.session.get<string>(`tab:${tabId}`);
      const stored = key ? await deps.session.get<StoredContext>(`ctx:${key}`) : undefined;
      return key && stored ? { key, context: stored.context } : null;
    },
    async 'context:changed'() {
      return undefined;
    },
    async 'overlay:set'() {
      return undefined;
    },
    async 'overlay:toggle'(message, sender) {
      // Only our overlay page may ask the content script of its own tab to show or hide it.
      if (!sender.fromExtensionPage || sender.tabId === undefined) return undefined;
      await deps.sendToTab(sender.tabId, { type: 'overlay:set', expanded: message.expanded });
      return undefined;
    },
    async 'policy:get'() {
      return deps.policy();
    },
    async 'catalog:sync'(_message, sender) {
      if (!sender.fromExtensionPage) return [];
      return deps.sync();
    },
    async 'catalog:changed'() {
      return undefined;
    },
    async 'catalog:sources'(_m, sender) {
      return sender.fromExtensionPage ? deps.catalog.sources() : [];
    },
    async suggest(message, sender) {
      if (!sender.fromExtensionPage) return { suggestions: [], sample: false, catalogSize: 0 };
      return deps.catalog.suggest(message.request);
    },
    async 'resources:get'(message, sender) {
      return sender.fromExtensionPage ? deps.catalog.resources(message.ids.slice(0, 500)) : [];
    },
    async 'cart:get'(message, sender) {
      if (!sender.fromExtensionPage) return null;
      return (await getCart(await deps.db(), message.unitKey)) ?? null;
    },
    // Carts change only at the request of our own pages: a content script, and so an LMS page, can never add to one.
    async 'cart:add'(message, sender) {
      if (!sender.fromExtensionPage || !/^[a-z0-9][a-z0-9._-]{0,79}$/.test(message.resourceId)) return null;
      const [known] = await deps.catalog.resources([message.resourceId]);
      if (!known) return null;
      const cart = await addToCart(await deps.db(), message.unit, message.resourceId);
      await deps.broadcast({ type: 'cart:changed', unitKey: cart.unitKey });
      return cart;
    },
    async 'cart:remove'(message, sender) {
      if (!sender.fromExtensionPage) return null;
      const cart = await removeFromCart(await deps.db(), message.unitKey, message.resourceId);
      await deps.broadcast({ type: 'cart:changed', unitKey: message.unitKey });
      return cart ?? null;
    },
    async 'carts:list'(_m, sender) {
      return sender.fromExtensionPage ? listCarts(await deps.db()) : [];
    },
    async 'cart:changed'() {
      return undefined;
    },
  };

  return async function handleMessage(raw: unknown, sender: Sender): Promise<unknown> {
    if (!raw || typeof raw !== 'object' || typeof (raw as { type?: unknown }).type !== 'string') return undefined;
    const handler = handlers[(raw as Message).type] as Handler<Message['type']> | undefined;
    return handler ? handler(raw as Message, sender) : undefined;
  };
}
