import { describe, expect, it } from 'vitest';
import type { Message } from '../messaging';
import { createHandlers, type HandlerDeps } from './handlers';

function setup() {
  const store = new Map<string, unknown>();
  const sent: Array<{ tabId: number; message: Message }> = [];
  const added: string[] = [];
  const deps: HandlerDeps = {
    session: { get: async <T>(k: string) => store.get(k) as T | undefined, set: async (k, v) => void store.set(k, v) },
    activeTabId: async () => 7,
    sendToTab: async (tabId, message) => void sent.push({ tabId, message }),
    broadcast: async () => {},
    policy: async () => ({ policy: {} as never, problems: [], status: 'none', managedKeys: [] }),
    sync: async () => [],
    catalog: {
      suggest: async () => ({ suggestions: [], sample: true, catalogSize: 0 }),
      resources: async (ids) => ids.map((id) => ({ id }) as never),
      sources: async () => [],
    },
    db: async () => {
      throw new Error('no db in this test');
    },
  };
  return { handle: createHandlers(deps), store, sent, added };
}

const context = {
  lms: 'canvas',
  pageKind: 'module-list',
  unitKey: 'canvas:x:1:module:2',
  courseName: 'Science 7',
  unitTitle: 'Photosynthesis',
  itemTitles: [],
};

describe('background message handling', () => {
  it('accepts a context from a content script in a tab and adds grade and subject hints', async () => {
    const { handle, store } = setup();
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
    const { handle, store } = setup();
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
    const { handle } = setup();
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
    const { handle, sent } = setup();
    await handle({ type: 'overlay:toggle', expanded: false }, { tabId: 7, fromExtensionPage: false });
    expect(sent).toEqual([]);
    await handle({ type: 'overlay:toggle', expanded: false }, { tabId: 7, fromExtensionPage: true });
    expect(sent).toEqual([{ tabId: 7, message: { type: 'overlay:set', expanded: false } }]);
  });

  it('ignores unknown messages', async () => {
    const { handle } = setup();
    expect(await handle({ type: 'nope' }, { fromExtensionPage: true })).toBeUndefined();
    expect(await handle('string', { fromExtensionPage: true })).toBeUndefined();
  });
});
