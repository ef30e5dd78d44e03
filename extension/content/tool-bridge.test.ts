import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Message } from '../messaging';

const sent: Message[] = [];
vi.mock('../messaging', () => ({
  send: async (message: Message) => {
    sent.push(message);
    return message.type === 'bridge:cart' ? { ids: ['phet', 'nasa-climate-kids'], unitTitle: 'Unit 3' } : undefined;
  },
}));
const { runToolBridge } = await import('./tool-bridge');

/** Messages this window receives from now on, as posted data. */
function received() {
  const seen: unknown[] = [];
  const listener = (event: MessageEvent) => seen.push(event.data);
  window.addEventListener('message', listener);
  return seen;
}

/** A message as the browser delivers it; the picker's own posts come from this window and this origin. */
function deliver(data: unknown, from: { origin?: string; source?: Window | null } = {}) {
  window.dispatchEvent(
    new MessageEvent('message', {
      data,
      origin: from.origin ?? location.origin,
      source: from.source === undefined ? window : from.source,
    }),
  );
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('tool bridge (the extension script in the tool picker frame)', () => {
  let controller: AbortController;
  beforeEach(() => {
    sent.length = 0;
    controller = new AbortController();
  });
  afterEach(() => controller.abort());

  it('announces itself on start, so a picker that asked before it was injected asks again', async () => {
    const seen = received();
    runToolBridge(controller.signal);
    await settle();
    expect(seen).toContainEqual({ type: 'iste:bridge-ready' });
  });

  it('answers a cart request from its own window with the cart of the unit the teacher came from', async () => {
    runToolBridge(controller.signal);
    const seen = received();
    deliver({ type: 'iste:cart-request' });
    await settle();
    expect(sent).toEqual([{ type: 'bridge:cart' }]);
    expect(seen).toContainEqual({ type: 'iste:cart', ids: ['phet', 'nasa-climate-kids'], unitTitle: 'Unit 3' });
  });

  it('passes on only string ids, at most 200, when the teacher inserts; and a cancel', async () => {
    runToolBridge(controller.signal);
    const ids = [...Array.from({ length: 250 }, (_, i) => `r${i}`), 42, { id: 'x' }];
    deliver({ type: 'iste:inserting', ids });
    deliver({ type: 'iste:cancelled' });
    deliver({ type: 'iste:inserting', ids: 'not-a-list' });
    await settle();
    expect(sent.map((m) => m.type)).toEqual(['bridge:inserting', 'bridge:cancelled']);
    const inserting = sent[0] as Extract<Message, { type: 'bridge:inserting' }>;
    expect(inserting.ids).toHaveLength(200);
    expect(inserting.ids.every((id) => typeof id === 'string')).toBe(true);
  });

  it('ignores messages that come from another window (the LMS page around the frame)', async () => {
    runToolBridge(controller.signal);
    deliver({ type: 'iste:cart-request' }, { source: null });
    deliver({ type: 'iste:inserting', ids: ['evil'] }, { origin: 'https://lms.example' });
    await settle();
    expect(sent).toEqual([]);
  });
});
