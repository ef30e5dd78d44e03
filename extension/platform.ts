/**
 * The extension's boundary to the browser: the only module besides entrypoints that touches `browser.*`.
 * WXT's `browser` is chrome.* on Chromium and the WebExtension API on Firefox.
 */
import { browser } from 'wxt/browser';

export { browser };

export const sessionStore = {
  async get<T>(key: string): Promise<T | undefined> {
    return (await browser.storage.session.get(key))[key] as T | undefined;
  },
  async set(key: string, value: unknown): Promise<void> {
    await browser.storage.session.set({ [key]: value });
  },
};

export const localStore = {
  async get<T>(key: string): Promise<T | undefined> {
    return (await browser.storage.local.get(key))[key] as T | undefined;
  },
  async set(key: string, value: unknown): Promise<void> {
    await browser.storage.local.set({ [key]: value });
  },
};

export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id;
}

/** Opens the side panel from the toolbar button (Chrome, Edge); Firefox opens its sidebar from its own button. */
export async function enableSidePanelOnAction(): Promise<void> {
  const sidePanel = (
    browser as unknown as { sidePanel?: { setPanelBehavior(o: { openPanelOnActionClick: boolean }): Promise<void> } }
  ).sidePanel;
  await sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
}

/** Asks the teacher, once, for access to one origin (the district tool or a custom LMS domain). Needs a click. */
export async function requestOrigin(pattern: string): Promise<boolean> {
  return browser.permissions.request({ origins: [pattern] });
}

/** Opens the extension's settings page (from the side panel's notices). */
export async function openOptionsPage(): Promise<void> {
  await browser.runtime.openOptionsPage();
}
