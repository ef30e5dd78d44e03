import { deleteDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { addToCart, getCart } from '../data/carts';
import { DB_NAME, openSuggestionsDb, type SuggestionsDB } from '../data/db';
import type { Message } from '../messaging';
import { createHandlers, type HandlerDeps } from './handlers';

let db: SuggestionsDB | undefined;

async function setup(toolOrigin?: string) {
  db = await openSuggestionsDb();
  const store = new Map<string, unknown>();
  const sent: Array<{ tabId: number; message: Message }> = [];
  const titles: Record<string, string> = { 'phet-density': 'Density (PhET simulation)', scratch: 'Scratch' };
  const deps: HandlerDeps = {
    session: { get: async <T>(k: string) => store.get(k) as T | undefined, set: async (k, v) => void store.set(k, v) },
    activeTabId: async () => 7,
    sendToTab: async (tabId, message) => void sent.push({ tabId, message }),
    broadcast: async () => {},
    policy: async () => ({ policy: { toolOrigin } as never, problems: [], status: 'ok', managedKeys: [] }),
    sync: async () => [],
    access: {
      sync: async () => ({ lmsHosts: [] }),
      addHost: async () => ({ ok: true, status: { lmsHosts: [] } }),
      removeHost: async () => ({ lmsHosts: [] }),
    },
    catalog: {
      suggest: async () => ({ suggestions: [], sample: true, catalogSize: 0 }),
      resources: async (ids) => ids.filter((id) => titles[id]).map((id) => ({ id, title: titles[id] }) as never),
      sources: async () => [],
      listSources: async () => [],
      lists: async () => [],
    },
    db: async () => db!,
  };
  return { handle: createHandlers(deps), store, sent };
}

afterEach(async () => {
  db?.close();
  await deleteDB(DB_NAME);
});

const context = {
  lms: 'canvas',
  pageKind: 'module-list',
  unitKey: 'canvas:x:1:module:2',
  courseName: 'Science 7',
  unitTitle: 'Photosynthesis',
  itemTitles: [],
};

describe('background message handling', () => {
  it('gives a unit context only to the overlay in the tab whose LMS script published it', async () => {
    const { handle } = await setup();
    await handle({ type: 'context:publish', key: 'a1b2c3d4e5f6a7b8', context }, { tabId: 7, fromExtensionPage: false });
    const get = { type: 'context:get', key: 'a1b2c3d4e5f6a7b8' } as const;
    expect(await handle(get, { tabId: 7, fromExtensionPage: true })).toMatchObject({ unitKey: context.unitKey });
    expect(await handle(get, { tabId: 8, fromExtensionPage: true })).toBeNull();
    expect(await handle(get, { tabId: 7, fromExtensionPage: false })).toBeNull();
    expect(await handle({ ...get, key: 'ffffffffffffffff' }, { tabId: 7, fromExtensionPage: true })).toBeNull();
  });

  it('changes site access only for its own pages', async () => {
    const { handle } = await setup();
    expect(
      await handle({ type: 'access:add-host', host: 'moodle.district.org' }, { tabId: 7, fromExtensionPage: false }),
    ).toBeNull();
    expect(
      await handle({ type: 'access:remove-host', host: 'moodle.district.org' }, { tabId: 7, fromExtensionPage: false }),
    ).toBeNull();
    expect(await handle({ type: 'access:status' }, { tabId: 7, fromExtensionPage: false })).toBeNull();
    expect(await handle({ type: 'access:status' }, { fromExtensionPage: true })).toEqual({ lmsHosts: [] });
  });

  it('accepts a context from a content script in a tab and adds grade and subject hints', async () => {
    const { handle, store } = await setup();
    expect(
      await handle(
        { type: 'context:publish', key: 'a1b2c3d4e5f6a7b8', context },
        { tabId: 7, fromExtensionPage: false },
      ),
    ).toEqual({ ok: true });
    const stored = store.get('ctx:a1b2c3d4e5f6a7b8') as { context: { gradeHints: string[]; subjectHints: string[] } };
    expect(stored.context.gradeHints).toEqual(['6-8']);
    expect(stored.context.subjectHints).toEqual(['science']);
    expect(await handle({ type: 'context:active' }, { fromExtensionPage: true })).toMatchObject({
      key: 'a1b2c3d4e5f6a7b8',
    });
  });

  it('refuses malformed contexts and contexts not sent from a tab', async () => {
    const { handle, store } = await setup();
    expect(
      await handle(
        { type: 'context:publish', key: 'a1b2c3d4e5f6a7b8', context: { lms: 'evil' } },
        { tabId: 7, fromExtensionPage: false },
      ),
    ).toEqual({ ok: false });
    expect(
      await handle({ type: 'context:publish', key: 'a1b2c3d4e5f6a7b8', context }, { fromExtensionPage: false }),
    ).toEqual({ ok: false });
    expect(
      await handle({ type: 'context:publish', key: 'x', context }, { tabId: 7, fromExtensionPage: false }),
    ).toEqual({ ok: false });
    expect(store.size).toBe(0);
  });

  it('never lets a content script change a cart, read the catalog or trigger a sync', async () => {
    const { handle } = await setup();
    const fromContent = { tabId: 7, fromExtensionPage: false };
    expect(
      await handle({ type: 'cart:add', unit: { unitKey: 'u', lms: 'canvas' }, resourceId: 'scratch' }, fromContent),
    ).toBeNull();
    expect(
      await handle({ type: 'suggest', request: { context: null, q: '', band: '', subject: '' } }, fromContent),
    ).toMatchObject({ suggestions: [] });
    expect(await handle({ type: 'catalog:sync' }, fromContent)).toEqual([]);
  });

  it('relays hide/show only from the overlay to its own tab', async () => {
    const { handle, sent } = await setup();
    await handle({ type: 'overlay:toggle', expanded: false }, { tabId: 7, fromExtensionPage: false });
    expect(sent).toEqual([]);
    await handle({ type: 'overlay:toggle', expanded: false }, { tabId: 7, fromExtensionPage: true });
    expect(sent).toEqual([{ tabId: 7, message: { type: 'overlay:set', expanded: false } }]);
  });

  it('hands the tab unit’s cart only to the tool’s own frames, and clears it only when the LMS shows the links', async () => {
    const { handle, sent } = await setup('https://tool.district.example');
    await handle({ type: 'context:publish', key: 'a1b2c3d4e5f6a7b8', context }, { tabId: 7, fromExtensionPage: false });
    await addToCart(db!, { unitKey: context.unitKey, lms: 'canvas' }, 'phet-density');
    await addToCart(db!, { unitKey: context.unitKey, lms: 'canvas' }, 'scratch');
    const toolFrame = { tabId: 7, url: 'https://tool.district.example/lti/picker', fromExtensionPage: false };
    expect(await handle({ type: 'bridge:cart' }, { ...toolFrame, url: 'https://evil.example/picker' })).toBeNull();
    expect(sent).toEqual([]);
    expect(await handle({ type: 'bridge:cart' }, toolFrame)).toEqual({
      ids: ['phet-density', 'scratch'],
      unitTitle: 'Photosynthesis',
    });
    // The overlay steps out of the picker's way for now; the teacher's own show/hide choice is kept.
    expect(sent).toEqual([{ tabId: 7, message: { type: 'overlay:set', expanded: false, remember: false } }]);

    // Cancelled: the cart stays.
    await handle({ type: 'bridge:inserting', ids: ['phet-density', 'scratch'] }, toolFrame);
    await handle({ type: 'bridge:cancelled' }, toolFrame);
    await handle(
      {
        type: 'context:publish',
        key: 'a1b2c3d4e5f6a7b8',
        context: { ...context, itemTitles: ['Density (PhET simulation)'] },
      },
      { tabId: 7, fromExtensionPage: false },
    );
    expect((await getCart(db!, context.unitKey))!.items).toHaveLength(2);

    // Inserted, and the LMS page now lists one of them: only that one leaves the cart.
    await handle({ type: 'bridge:inserting', ids: ['phet-density', 'scratch'] }, toolFrame);
    await handle(
      { type: 'context:publish', key: 'a1b2c3d4e5f6a7b8', context: { ...context, itemTitles: ['Something else'] } },
      { tabId: 7, fromExtensionPage: false },
    );
    expect((await getCart(db!, context.unitKey))!.items).toHaveLength(2);
    await handle(
      {
        type: 'context:publish',
        key: 'a1b2c3d4e5f6a7b8',
        context: { ...context, itemTitles: ['Density (PhET simulation)'] },
      },
      { tabId: 7, fromExtensionPage: false },
    );
    expect((await getCart(db!, context.unitKey))!.items.map((i) => i.resourceId)).toEqual(['scratch']);
  });

  it('ignores unknown messages', async () => {
    const { handle } = await setup();
    expect(await handle({ type: 'nope' }, { fromExtensionPage: true })).toBeUndefined();
    expect(await handle('string', { fromExtensionPage: true })).toBeUndefined();
  });
});
