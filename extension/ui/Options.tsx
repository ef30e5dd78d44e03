import { useEffect, useState } from 'preact/hooks';
import type { CatalogSource } from '../data/db';
import type { PolicyRead } from '../data/policy';
import { send } from '../messaging';
import { SiteAccessSection } from './SiteAccess';

const sourceName = (s: CatalogSource) => (s.id === 'bundled:sample' ? 'Bundled sample catalog' : s.id);
const when = (t?: number) => (t ? new Date(t).toLocaleString() : 'never');

/** Settings and status: what the district set (and that it is set by the district), and each catalog feed's health. */
export function Options() {
  const [policy, setPolicy] = useState<PolicyRead>();
  const [sources, setSources] = useState<CatalogSource[]>([]);
  const [listSources, setListSources] = useState<CatalogSource[]>([]);
  const [syncing, setSyncing] = useState(false);
  const [message, setMessage] = useState('');
  const refresh = () => {
    void send({ type: 'policy:get' }).then(setPolicy);
    void send({ type: 'catalog:sources' }).then(setSources);
    void send({ type: 'lists:sources' }).then(setListSources);
  };
  useEffect(refresh, []);
  const syncNow = async () => {
    setSyncing(true);
    const outcomes = await send({ type: 'catalog:sync' });
    setSyncing(false);
    setMessage(
      outcomes.map((o) => `${o.source}: ${o.status}${o.message ? ` (${o.message})` : ''}`).join('; ') ||
        'Nothing to sync.',
    );
    refresh();
  };
  const managed = new Set(policy?.managedKeys ?? []);
  const district = (key: string) =>
    managed.has(key) ? <span class="badge district"> set by your district</span> : null;

  return (
    <main class="options">
      <h1>Resource suggestions: settings</h1>
      <section aria-labelledby="policy-h">
        <h2 id="policy-h">District policy</h2>
        {policy?.status === 'timeout' && (
          <p class="notice">The browser did not deliver the district policy in time; defaults apply until it does.</p>
        )}
        {policy?.status === 'none' && <p>No district policy is set for this browser.</p>}
        {policy && (
          <dl>
            <dt>District</dt>
            <dd>
              {policy.policy.districtName ?? policy.policy.districtId ?? 'not set'}
              {district('districtName')}
            </dd>
            <dt>Catalog feeds</dt>
            <dd>
              {policy.policy.catalogUrls.length
                ? policy.policy.catalogUrls.join(', ')
                : 'none: the bundled sample catalog is used'}
              {district('catalogUrls')}
            </dd>
            <dt>Suggestions shown</dt>
            <dd>
              {policy.policy.maxSuggestions}
              {district('maxSuggestions')}
            </dd>
            <dt>District tool</dt>
            <dd>
              {policy.policy.toolOrigin ?? 'not set'}
              {district('toolOrigin')}
            </dd>
          </dl>
        )}
        {policy && policy.problems.length > 0 && (
          <div class="error" role="alert">
            <p>Some district settings have the wrong type and were ignored:</p>
            <ul>
              {policy.problems.map((p) => (
                <li key={p.key}>
                  <code>{p.key}</code>: {p.message}
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
      <SiteAccessSection />
      <section aria-labelledby="catalog-h">
        <h2 id="catalog-h">Catalog</h2>
        <button type="button" onClick={() => void syncNow()} disabled={syncing}>
          {syncing ? 'Syncing…' : 'Sync now'}
        </button>
        <p role="status" aria-live="polite">
          {message}
        </p>
        <FeedTable
          caption="Catalog feeds"
          sources={sources}
          counted="Resources"
          skipped="Bad records skipped"
          item="record"
        />
      </section>
      {(listSources.length > 0 || (policy?.policy.listUrls.length ?? 0) > 0) && (
        <section aria-labelledby="lists-h">
          <h2 id="lists-h">Coach lists{district('listUrls')}</h2>
          <p>Published lists from these feeds are shown first in suggestions and in the side panel.</p>
          <FeedTable
            caption="Coach-list feeds"
            sources={listSources}
            counted="Lists"
            skipped="Lists refused"
            item="list"
          />
        </section>
      )}
    </main>
  );
}

/** Each feed's health: what was kept, what was refused and why, and when the last good copy came. */
function FeedTable(props: {
  caption: string;
  sources: CatalogSource[];
  counted: string;
  skipped: string;
  item: 'record' | 'list';
}) {
  return (
    <>
      <table>
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Feed</th>
            <th scope="col">{props.counted}</th>
            <th scope="col">{props.skipped}</th>
            <th scope="col">Last good copy</th>
            <th scope="col">Last problem</th>
          </tr>
        </thead>
        <tbody>
          {props.sources.map((s) => (
            <tr key={s.id} data-source={s.id}>
              <td>{sourceName(s)}</td>
              <td class="good">{s.good}</td>
              <td class="bad">{s.badRecords}</td>
              <td>{when(s.lastGoodAt)}</td>
              <td class="last-error">{s.lastError ?? 'none'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.sources.some((s) => s.problems.length) && (
        <details>
          <summary>What was refused ({props.caption.toLowerCase()})</summary>
          <ul>
            {props.sources.flatMap((s) =>
              s.problems.map((p) => (
                <li key={`${s.id}-${p.index}-${p.path}`}>
                  {s.id === 'bundled:sample' ? '' : `${s.id}: `}
                  {props.item} {p.index}
                  {p.id ? ` (${p.id})` : ''} {p.path}: {p.message}
                </li>
              )),
            )}
          </ul>
        </details>
      )}
    </>
  );
}
