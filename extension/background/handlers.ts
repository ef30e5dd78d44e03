import type { UnitContext } from '../../shared/model/unit-context';
import { addToCart, clearCart, getCart, listCarts, removeFromCart } from '../data/carts';
import type { SyncOutcome } from '../data/catalog-sync';
import type { SuggestionsDB } from '../data/db';
import type { PolicyRead } from '../data/policy';
import type { Message, Replies } from '../messaging';
import type { CatalogService } from './catalog-service';
import { acceptContext } from './context-hints';
import type { SiteAccessService } from './site-access';

export interface Sender {
  tabId?: number;
  /** The sending frame's URL, for content scripts. */
  url?: string;
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
  /** The district tool's origin and custom LMS domains: grants, and the scripts registered for them. */
  access: Pick<SiteAccessService, 'sync' | 'addHost' | 'removeHost'>;
}

interface PendingInsertion {
  unitKey: string;
  ids: string[];
  titles: string[];
  at: number;
}

const PENDING_TTL_MS = 30 * 60_000;

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
  /** True when a message comes from a content script in a frame of the district tool's origin. */
  async function fromToolFrame(sender: Sender): Promise<boolean> {
    const { policy } = await deps.policy();
    if (sender.fromExtensionPage || sender.tabId === undefined || !sender.url || !policy.toolOrigin) return false;
    try {
      return new URL(sender.url).origin === new URL(policy.toolOrigin).origin;
    } catch {
      return false;
    }
  }

  async function tabContext(tabId: number): Promise<UnitContext | undefined> {
    const key = await deps.session.get<string>(`tab:${tabId}`);
    return key ? (await deps.session.get<StoredContext>(`ctx:${key}`))?.context : undefined;
  }

  /**
   * The cart is cleared only once the LMS shows the inserted links (their titles appear on the unit's page again): a
   * cancelled, refused or failed insertion leaves it as it was.
   */
  async function settleInsertion(tabId: number, context: UnitContext) {
    const pending = await deps.session.get<PendingInsertion>(`pending:${tabId}`);
    if (!pending) return;
    if (Date.now() - pending.at > PENDING_TTL_MS) {
      await deps.session.set(`pending:${tabId}`, null);
      return;
    }
    const onPage = new Set(context.itemTitles.map((t) => t.trim().toLowerCase()));
    const landed = pending.ids.filter((_, i) => onPage.has(pending.titles[i]!.trim().toLowerCase()));
    if (landed.length === 0) return;
    await clearCart(await deps.db(), pending.unitKey, landed);
    await deps.session.set(
      `pending:${tabId}`,
      landed.length === pending.ids.length
        ? null
        : { ...pending, ids: pending.ids.filter((id) => !landed.includes(id)) },
    );
    await deps.broadcast({ type: 'cart:changed', unitKey: pending.unitKey });
  }

  const handlers: { [T in Message['type']]: Handler<T> } = {
    async 'context:publish'(message, sender) {
      if (sender.tabId === undefined || sender.fromExtensionPage) return { ok: false };
      const context = acceptContext(message.context);
      if (!context || !/^[A-Za-z0-9_-]{8,64}$/.test(message.key)) return { ok: false };
      await deps.session.set(`ctx:${message.key}`, { tabId: sender.tabId, context } satisfies StoredContext);
      await deps.session.set(`tab:${sender.tabId}`, message.key);
      await settleInsertion(sender.tabId, context);
      await deps.broadcast({ type: 'context:changed', key: message.key });
      return { ok: true };
    },
    async 'context:get'(message, sender) {
      // Only the overlay in the tab whose LMS script published the context may read it.
      const stored = await deps.session.get<StoredContext>(`ctx:${message.key}`);
      return stored && sender.fromExtensionPage && sender.tabId === stored.tabId ? stored.context : null;
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
    async 'lists:get'(_m, sender) {
      return sender.fromExtensionPage ? deps.catalog.lists() : [];
    },
    async 'lists:sources'(_m, sender) {
      return sender.fromExtensionPage ? deps.catalog.listSources() : [];
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
    async 'bridge:cart'(_m, sender) {
      if (!(await fromToolFrame(sender))) return null;
      // The picker is open in this tab: the overlay steps out of its way, without changing the teacher's preference.
      await deps.sendToTab(sender.tabId!, { type: 'overlay:set', expanded: false, remember: false });
      const context = await tabContext(sender.tabId!);
      if (!context) return { ids: [], unitTitle: '' };
      const cart = await getCart(await deps.db(), context.unitKey);
      return { ids: cart?.items.map((i) => i.resourceId) ?? [], unitTitle: context.unitTitle ?? '' };
    },
    async 'bridge:inserting'(message, sender) {
      if (!(await fromToolFrame(sender))) return undefined;
      const context = await tabContext(sender.tabId!);
      if (!context) return undefined;
      const resources = await deps.catalog.resources(message.ids);
      await deps.session.set(`pending:${sender.tabId}`, {
        unitKey: context.unitKey,
        ids: resources.map((r) => r.id),
        titles: resources.map((r) => r.title.slice(0, 255)),
        at: Date.now(),
      } satisfies PendingInsertion);
      return undefined;
    },
    async 'bridge:cancelled'(_m, sender) {
      if (await fromToolFrame(sender)) await deps.session.set(`pending:${sender.tabId}`, null);
      return undefined;
    },
    async 'access:status'(_m, sender) {
      return sender.fromExtensionPage ? deps.access.sync() : null;
    },
    async 'access:add-host'(message, sender) {
      return sender.fromExtensionPage ? deps.access.addHost(message.host) : null;
    },
    async 'access:remove-host'(message, sender) {
      return sender.fromExtensionPage ? deps.access.removeHost(message.host) : null;
    },
  };

  return async function handleMessage(raw: unknown, sender: Sender): Promise<unknown> {
    if (!raw || typeof raw !== 'object' || typeof (raw as { type?: unknown }).type !== 'string') return undefined;
    const handler = handlers[(raw as Message).type] as Handler<Message['type']> | undefined;
    return handler ? handler(raw as Message, sender) : undefined;
  };
}
