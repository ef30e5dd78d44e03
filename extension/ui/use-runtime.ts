import { useEffect } from 'preact/hooks';
import { browser } from '../platform';

/** Subscribes a view to broadcasts from the background (context, catalog and cart changes). */
export function useBroadcast(
  listener: (message: { type?: string; key?: string; unitKey?: string }) => void,
  deps: unknown[],
): void {
  useEffect(() => {
    const handler = (message: unknown) => listener((message ?? {}) as { type?: string });
    browser.runtime.onMessage.addListener(handler);
    return () => browser.runtime.onMessage.removeListener(handler);
  }, deps);
}
