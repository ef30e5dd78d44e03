import { QueryClient } from '@tanstack/query-core';
import sample from '../../shared/catalog/sample-catalog.json';
import { syncCatalogs } from '../data/catalog-sync';
import { openSuggestionsDb } from '../data/db';
import { type PolicyRead, readManagedPolicy } from '../data/policy';
import type { Message } from '../messaging';
import { activeTabId, browser, enableSidePanelOnAction, sessionStore } from '../platform';
import { createCatalogService } from './catalog-service';
import { createHandlers } from './handlers';
import { syncToolBridge, TOOL_BRIDGE_FILE, TOOL_BRIDGE_ID } from './tool-bridge';

const SYNC_ALARM = 'catalog-sync';
const SYNC_MINUTES = 6 * 60;

/** The service worker: policy, catalog sync on a schedule, and message routing. */
export function startBackground(): void {
  const queryClient = new QueryClient();
  const dbPromise = openSuggestionsDb();
  let policyRead: Promise<PolicyRead> | undefined;
  const policy = () => {
    policyRead ??= readManagedPolicy(browser.storage.managed);
    return policyRead;
  };

  async function sync() {
    const read = await policy();
    const outcomes = await syncCatalogs(
      read.policy.catalogUrls,
      {
        db: await dbPromise,
        queryClient,
        fetch: (...args) => fetch(...args),
        now: Date.now,
        bundledSample: () => sample,
      },
      { prune: read.status !== 'timeout', hideSample: read.policy.hideSampleCatalog },
    );
    if (outcomes.some((o) => o.status === 'updated')) await broadcast({ type: 'catalog:changed' });
    return outcomes;
  }

  async function broadcast(message: Message) {
    await browser.runtime.sendMessage(message).catch(() => {});
  }

  const catalog = createCatalogService({ db: () => dbPromise, policy });
  const syncBridge = async () =>
    syncToolBridge((await policy()).policy, {
      hasOrigin: (pattern) => browser.permissions.contains({ origins: [pattern] }),
      registered: async () =>
        (await browser.scripting.getRegisteredContentScripts({ ids: [TOOL_BRIDGE_ID] }))[0]?.matches,
      register: (matches) =>
        browser.scripting.registerContentScripts([
          {
            id: TOOL_BRIDGE_ID,
            matches,
            js: [TOOL_BRIDGE_FILE],
            allFrames: true,
            runAt: 'document_idle',
            persistAcrossSessions: true,
          },
        ]),
      unregister: () => browser.scripting.unregisterContentScripts({ ids: [TOOL_BRIDGE_ID] }),
    }).catch(() => 'none' as const);
  const handleMessage = createHandlers({
    catalog,
    syncBridge,
    db: () => dbPromise,
    session: sessionStore,
    activeTabId,
    sendToTab: async (tabId, message) => {
      await browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => {});
    },
    broadcast,
    policy,
    sync,
  });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const fromExtensionPage =
      sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL(''));
    handleMessage(message, { tabId: sender.tab?.id, url: sender.url, fromExtensionPage }).then(sendResponse, () =>
      sendResponse(undefined),
    );
    return true;
  });

  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') {
      policyRead = undefined;
      void sync();
      void syncBridge();
    }
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void sync();
  });
  void browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_MINUTES });
  void enableSidePanelOnAction();
  void syncBridge();
  void sync();
}
