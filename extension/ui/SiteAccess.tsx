import { useEffect, useState } from 'preact/hooks';
import { type AccessStatus, lmsHostPattern, normaliseHost, type SiteAccess } from '../background/site-access';
import { send } from '../messaging';
import { requestOrigin } from '../platform';

/**
 * The sites the extension runs on beyond the well-known LMS hosts: the district tool (to hand carts to its picker) and
 * LMS sites on a district's own domain. Each needs one grant from the teacher; the browser asks, this page explains.
 * Permission requests happen directly in the click, as browsers require.
 */
export function SiteAccessSection() {
  const [status, setStatus] = useState<AccessStatus | null>(null);
  const [address, setAddress] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const refresh = () => void send({ type: 'access:status' }).then(setStatus);
  useEffect(refresh, []);

  const allow = async (site: SiteAccess) => {
    const granted = await requestOrigin(site.pattern);
    setMessage(
      granted
        ? { text: `Allowed on ${site.label}.`, error: false }
        : { text: `Not allowed on ${site.label}: the browser's request was declined.`, error: true },
    );
    refresh();
  };
  const add = async (event: Event) => {
    event.preventDefault();
    const host = normaliseHost(address);
    if (!host) {
      setMessage({ text: `“${address}” is not an address such as moodle.district.org.`, error: true });
      return;
    }
    if (!(await requestOrigin(lmsHostPattern(host)))) {
      setMessage({ text: `Not added: the browser's request for ${host} was declined.`, error: true });
      return;
    }
    const change = await send({ type: 'access:add-host', host });
    if (!change) return;
    setStatus(change.status);
    setMessage(change.ok ? { text: `Added ${host}.`, error: false } : { text: change.error, error: true });
    if (change.ok) setAddress('');
  };
  const remove = async (site: SiteAccess) => {
    setStatus(await send({ type: 'access:remove-host', host: site.label }));
    setMessage({ text: `Removed ${site.label}.`, error: false });
  };

  return (
    <section aria-labelledby="access-h">
      <h2 id="access-h">Where the extension runs</h2>
      <p>
        It runs on the well-known Canvas, Moodle Cloud, Schoology, Brightspace and Blackboard sites. Anywhere else it
        asks you first, once per site, and reads nothing there but the unit you are building.
      </p>
      {status?.tool && (
        <p data-site={status.tool.label}>
          District tool <code>{status.tool.label}</code>:{' '}
          {status.tool.granted ? (
            'allowed; your carts are handed to it when you insert them into a course.'
          ) : (
            <>
              not allowed yet.{' '}
              <button type="button" onClick={() => void allow(status.tool!)}>
                Allow <span class="visually-hidden">the district tool at </span>
                {status.tool.label}
              </button>
            </>
          )}
        </p>
      )}
      <h3 id="lms-sites-h">Your LMS on its own domain</h3>
      {status && status.lmsHosts.length === 0 && <p>None yet.</p>}
      {status && status.lmsHosts.length > 0 && (
        <ul aria-labelledby="lms-sites-h">
          {status.lmsHosts.map((site) => (
            <li key={site.pattern} data-site={site.label}>
              <code>{site.label}</code>
              {site.source === 'district' ? <span class="badge district"> set by your district</span> : null}:{' '}
              {site.granted ? (
                'allowed'
              ) : (
                <button type="button" onClick={() => void allow(site)}>
                  Allow {site.label}
                </button>
              )}
              {site.source === 'teacher' && (
                <>
                  {' '}
                  <button type="button" class="secondary" onClick={() => void remove(site)}>
                    Remove {site.label}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(e) => void add(e)} aria-label="Add your LMS's address">
        <label for="lms-host">Your LMS's address</label>
        <div class="row">
          <input
            id="lms-host"
            type="text"
            inputMode="url"
            autoComplete="url"
            spellcheck={false}
            placeholder="moodle.yourdistrict.org"
            aria-describedby="lms-host-hint"
            value={address}
            onInput={(e) => setAddress((e.target as HTMLInputElement).value)}
          />
          <button type="submit">Add and allow</button>
        </div>
        <p id="lms-host-hint" class="hint">
          For a self-hosted Moodle, Canvas or Blackboard. The browser asks you to confirm.
        </p>
      </form>
      <p role="status" aria-live="polite">
        {message && !message.error ? message.text : ''}
      </p>
      {message?.error && (
        <p role="alert" class="error">
          {message.text}
        </p>
      )}
    </section>
  );
}
