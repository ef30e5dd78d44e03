import { QueryClient } from '@tanstack/query-core';
import sample from '../../shared/catalog/sample-catalog.json';
import { syncCatalogs } from '../data/catalog-sync';
import { openSuggestionsDb } from '../data/db';
import { syncLists } from '../data/list-sync';
import { type PolicyRead, readManagedPolicy } from '../data/policy';
import type { Message } from '../messaging';
import { activeTabId, browser, enableSidePanelOnAction, localStore, sessionStore } from '../platform';
import { createCatalogService } from './catalog-service';
import { createHandlers } from './handlers';
import { type AccessStatus, createSiteAccess, pendingDistrictSites } from './site-access';

const SYNC_ALARM = 'catalog-sync';
const SYNC_MINUTES = 6 * 60;
const TEACHER_HOSTS_KEY = 'settings.lmsHosts';

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
    const listOutcomes = await syncLists(
      read.policy.listUrls,
      { db: await dbPromise, queryClient, fetch: (...args) => fetch(...args), now: Date.now },
      { prune: read.status !== 'timeout' },
    );
    const all = [...outcomes, ...listOutcomes];
    if (all.some((o) => o.status === 'updated')) await broadcast({ type: 'catalog:changed' });
    return all;
  }

  async function broadcast(message: Message) {
    await browser.runtime.sendMessage(message).catch(() => {});
  }

  const catalog = createCatalogService({ db: () => dbPromise, policy });
  const access = createSiteAccess({
    policy: async () => (await policy()).policy,
    teacherHosts: {
      get: () => localStore.get(TEACHER_HOSTS_KEY),
      set: (hosts) => localStore.set(TEACHER_HOSTS_KEY, hosts),
    },
    revoke: async (pattern) => void (await browser.permissions.remove({ origins: [pattern] })),
    apis: {
      hasOrigin: (pattern) => browser.permissions.contains({ origins: [pattern] }),
      registered: async (id) => (await browser.scripting.getRegisteredContentScripts({ ids: [id] }))[0]?.matches,
      register: (script, matches) =>
        browser.scripting.registerContentScripts([
          {
            id: script.id,
            matches,
            js: [script.file],
            allFrames: script.allFrames,
            runAt: 'document_idle',
            persistAcrossSessions: true,
          },
        ]),
      unregister: (id) => browser.scripting.unregisterContentScripts({ ids: [id] }),
    },
  });
  // The toolbar button says when the district's sites wait for the teacher's OK (the side panel explains).
  const showPending = async (status: AccessStatus) => {
    const pending = pendingDistrictSites(status).length;
    await browser.action.setBadgeText({ text: pending ? '!' : '' });
    await browser.action.setTitle({
      title: pending
        ? `Resource suggestions: your district asks you to allow ${pending} site(s)`
        : 'Resource suggestions',
    });
  };
  const syncAccess = () =>
    void access
      .sync()
      .then(showPending)
      .catch(() => undefined);
  const handleMessage = createHandlers({
    catalog,
    access,
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
      syncAccess();
    }
  });
  // A grant on the options page, or a revocation in the browser's own settings, moves the registrations with it.
  browser.permissions.onAdded.addListener(syncAccess);
  browser.permissions.onRemoved.addListener(syncAccess);

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void sync();
  });
  void browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_MINUTES });
  void enableSidePanelOnAction();
  syncAccess();
  void sync();
}
