import type { Kysely } from 'kysely';
import { type CaliperEvent, caliperEnvelope } from '../../shared/caliper/events';
import type { Database } from '../db/schema';
import type { Logger } from '../log';
import { randomToken } from '../lti/random';

export interface CaliperSensorDeps {
  db: Kysely<Database>;
  /** The district's Caliper endpoint (CALIPER_ENDPOINT) and its bearer token (CALIPER_TOKEN). */
  endpoint: string;
  token?: string;
  /** The sensor IRI: the tool's public URL. */
  sensorId: string;
  fetch: typeof fetch;
  userAgent: string;
  now: () => number;
  log: Logger;
  batchSize?: number;
}

const LEASE_MS = 30_000;
const MAX_ATTEMPTS = 10;
/** 1 min, 2, 4 … capped at 1 h. */
const backoff = (attempts: number) => Math.min(60_000 * 2 ** (attempts - 1), 3_600_000);

export interface FlushResult {
  sent: number;
  retried: number;
  dropped: number;
}

/**
 * Caliper 1.2 sensor with an outbox: events are written to the database with the launch (cheap, and never lost if the
 * endpoint is down or the process stops), then sent in envelopes of up to 100 with the bearer token. Accepted (2xx)
 * events are deleted; others are retried with backoff and dropped, with a log line, after ten attempts. Several
 * instances can flush one database: each leases the rows it sends.
 */
export function createCaliperSensor(deps: CaliperSensorDeps) {
  const owner = randomToken(9);
  const batchSize = deps.batchSize ?? 100;
  let timer: ReturnType<typeof setInterval> | undefined;
  let flushing: Promise<FlushResult> | undefined;

  async function record(events: readonly CaliperEvent[]): Promise<void> {
    if (!events.length) return;
    const t = deps.now();
    await deps.db
      .insertInto('caliper_outbox')
      .values(
        events.map((event) => ({
          id: event.id,
          event: JSON.stringify(event),
          created_at: t,
          attempts: 0,
          next_attempt_at: t,
          lease_owner: null,
          lease_until: null,
        })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }

  async function flushOnce(): Promise<FlushResult> {
    const t = deps.now();
    const leaseUntil = t + LEASE_MS;
    await deps.db
      .updateTable('caliper_outbox')
      .set({ lease_owner: owner, lease_until: leaseUntil })
      .where('id', 'in', (qb) =>
        qb
          .selectFrom('caliper_outbox')
          .select('id')
          .where('next_attempt_at', '<=', t)
          .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', t)]))
          .orderBy('created_at')
          .limit(batchSize),
      )
      // Checked again on the row itself, so two instances never both take a row.
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', t)]))
      .execute();
    const rows = await deps.db
      .selectFrom('caliper_outbox')
      .selectAll()
      .where('lease_owner', '=', owner)
      .where('lease_until', '=', leaseUntil)
      .orderBy('created_at')
      .execute();
    if (!rows.length) return { sent: 0, retried: 0, dropped: 0 };
    const envelope = caliperEnvelope(
      deps.sensorId,
      rows.map((r) => JSON.parse(r.event) as CaliperEvent),
      t,
    );
    let status = 0;
    try {
      const response = await deps.fetch(deps.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': deps.userAgent,
          ...(deps.token ? { authorization: `Bearer ${deps.token}` } : {}),
        },
        body: JSON.stringify(envelope),
        signal: AbortSignal.timeout(10_000),
      });
      status = response.status;
      await response.body?.cancel();
    } catch (error) {
      deps.log.warn('caliper endpoint unreachable', { error: (error as Error).message, events: rows.length });
    }
    const ids = rows.map((r) => r.id);
    if (status >= 200 && status < 300) {
      await deps.db.deleteFrom('caliper_outbox').where('id', 'in', ids).execute();
      return { sent: rows.length, retried: 0, dropped: 0 };
    }
    if (status) deps.log.warn('caliper endpoint refused events', { status, events: rows.length });
    const spent = rows.filter((r) => r.attempts + 1 >= MAX_ATTEMPTS).map((r) => r.id);
    if (spent.length) {
      await deps.db.deleteFrom('caliper_outbox').where('id', 'in', spent).execute();
      deps.log.error('caliper events dropped after repeated failures', { events: spent.length, status });
    }
    for (const row of rows.filter((r) => !spent.includes(r.id))) {
      await deps.db
        .updateTable('caliper_outbox')
        .set({
          attempts: row.attempts + 1,
          next_attempt_at: t + backoff(row.attempts + 1),
          lease_owner: null,
          lease_until: null,
        })
        .where('id', '=', row.id)
        .execute();
    }
    return { sent: 0, retried: rows.length - spent.length, dropped: spent.length };
  }

  /** Sends what is due, batch after batch, until nothing is left or a batch fails. One flush at a time per instance. */
  function flush(): Promise<FlushResult> {
    flushing ??= (async () => {
      const total: FlushResult = { sent: 0, retried: 0, dropped: 0 };
      try {
        for (;;) {
          const r = await flushOnce();
          total.sent += r.sent;
          total.retried += r.retried;
          total.dropped += r.dropped;
          if (r.sent < batchSize) break;
        }
      } finally {
        flushing = undefined;
      }
      return total;
    })();
    return flushing;
  }

  return {
    record,
    flush,
    /** How many events wait (for /healthz-style checks and tests). */
    async pending(): Promise<number> {
      const row = await deps.db
        .selectFrom('caliper_outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    start(intervalMs = 15_000) {
      timer ??= setInterval(() => void flush().catch(() => undefined), intervalMs);
      timer.unref?.();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}

export type CaliperSensor = ReturnType<typeof createCaliperSensor>;
