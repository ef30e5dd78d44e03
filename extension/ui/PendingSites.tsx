import { useEffect, useState } from 'preact/hooks';
import { pendingDistrictSites, type SiteAccess } from '../background/site-access';
import { send } from '../messaging';
import { openOptionsPage } from '../platform';

/** Tells the teacher when the district's sites wait for their OK, with the way to give it (the settings page). */
export function PendingSites() {
  const [pending, setPending] = useState<SiteAccess[]>([]);
  useEffect(() => {
    void send({ type: 'access:status' }).then((status) => setPending(status ? pendingDistrictSites(status) : []));
  }, []);
  if (!pending.length) return null;
  const tool = pending.some((s) => s.label.includes('://'));
  const lms = pending.some((s) => !s.label.includes('://'));
  return (
    <section class="notice" aria-labelledby="pending-h">
      <h2 id="pending-h">Your district asks for your OK</h2>
      <p>
        Allow this extension on{' '}
        {pending.map((s, i) => (
          <span key={s.pattern}>
            {i ? ', ' : ''}
            <code>{s.label}</code>
          </span>
        ))}
        .{lms ? ' Until you do, no suggestions appear in your LMS there.' : ''}
        {tool ? ' Until you do, your carts are not handed to the district tool.' : ''}
      </p>
      <button type="button" onClick={() => void openOptionsPage()}>
        Open settings to allow
      </button>
    </section>
  );
}
