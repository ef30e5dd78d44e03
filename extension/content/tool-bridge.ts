import { send } from '../messaging';

/**
 * Runs in frames of the district tool's origin only (registered at run time for the configured origin). It answers the
 * picker's request for the cart of the unit the teacher came from, and tells the background when the teacher inserts
 * or cancels. It listens only to messages from its own window and origin, and announces itself on start because it
 * may be injected after the picker's script has already asked.
 */
export function runToolBridge(signal: AbortSignal): void {
  const origin = location.origin;
  const onMessage = async (event: MessageEvent) => {
    if (event.source !== window || event.origin !== origin) return;
    const data = event.data as { type?: string; ids?: unknown };
    if (data?.type === 'iste:cart-request') {
      const reply = await send({ type: 'bridge:cart' }).catch(() => null);
      window.postMessage({ type: 'iste:cart', ids: reply?.ids ?? [], unitTitle: reply?.unitTitle ?? '' }, origin);
    } else if (data?.type === 'iste:inserting' && Array.isArray(data.ids)) {
      await send({
        type: 'bridge:inserting',
        ids: data.ids.filter((id): id is string => typeof id === 'string').slice(0, 200),
      });
    } else if (data?.type === 'iste:cancelled') {
      await send({ type: 'bridge:cancelled' });
    }
  };
  window.addEventListener('message', (e) => void onMessage(e), { signal });
  // The picker may have asked before this script was injected; announcing ourselves lets it ask again.
  window.postMessage({ type: 'iste:bridge-ready' }, origin);
}
