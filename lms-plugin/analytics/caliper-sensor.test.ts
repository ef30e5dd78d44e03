import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { navigatedTo, resourceFacts } from '../../shared/caliper/events';
import sample from '../../shared/catalog/sample-catalog.json';
import type { Resource } from '../../shared/model/resource';
import { caliperValidator } from '../../test/setup/caliper-schemas';
import { createPostgresDatabase, sqliteFileUrl } from '../../test/setup/databases';
import { openStore, type Store } from '../db/connect';
import { silentLogger } from '../log';
import { createCaliperSensor } from './caliper-sensor';

/** A Caliper endpoint over real HTTP that records what it receives and answers with the status it is told. */
async function endpoint() {
  const received: Array<{
    authorization?: string;
    type?: string;
    body: { sensor: string; data: Array<{ id: string }> };
  }> = [];
  const state = { status: 200 };
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      received.push({
        authorization: req.headers.authorization,
        type: req.headers['content-type'],
        body: JSON.parse(text),
      });
      res.writeHead(state.status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/caliper`,
    received,
    state,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

const resource = (sample.resources as unknown as Resource[])[0]!;
const event = (n: number) =>
  navigatedTo(
    {
      eventId: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      time: Date.UTC(2026, 10, 27),
      toolUrl: 'https://tool.riverbend.example',
      issuer: 'https://canvas.instructure.com',
      deploymentId: '1:a',
      messageType: 'LtiResourceLinkRequest',
      sessionId: '6f1c2a4e-8d55-4b0b-9a5e-2f4d7c1e9b10',
      sessionStartedAt: Date.UTC(2026, 10, 27),
    },
    resourceFacts(resource),
  );

describe.each([
  ['SQLite', () => sqliteFileUrl('caliper')],
  ['PostgreSQL', () => createPostgresDatabase('caliper')],
])('the Caliper sensor on %s', (_engine, databaseUrl) => {
  let store: Store;
  let receiver: Awaited<ReturnType<typeof endpoint>>;
  afterEach(async () => {
    await receiver?.close();
    await store?.close();
  });

  async function sensor(url: string, clock: { t: number }, batchSize?: number) {
    return createCaliperSensor({
      db: store.db,
      endpoint: url,
      token: 'district-token',
      sensorId: 'https://tool.riverbend.example',
      fetch,
      userAgent: 'test',
      now: () => clock.t,
      log: silentLogger,
      batchSize,
    });
  }

  it('sends envelopes with the bearer token, in batches, and forgets what the endpoint accepted', async () => {
    store = await openStore(await databaseUrl());
    receiver = await endpoint();
    const clock = { t: Date.UTC(2026, 10, 27, 12) };
    const s = await sensor(receiver.url, clock, 2);
    await s.record([event(1), event(2), event(3)]);
    await s.record([event(3)]);
    expect(await s.pending()).toBe(3);
    expect(await s.flush()).toEqual({ sent: 3, retried: 0, dropped: 0 });
    expect(receiver.received.map((r) => r.body.data.length)).toEqual([2, 1]);
    const first = receiver.received[0]!;
    expect(first.authorization).toBe('Bearer district-token');
    expect(first.type).toBe('application/json');
    expect(Object.keys(first.body)).toEqual(['sensor', 'sendTime', 'dataVersion', 'data']);
    const caliper = caliperValidator();
    for (const e of first.body.data) expect(caliper.validateEvent(e as Record<string, unknown>)).toEqual([]);
    expect(await s.pending()).toBe(0);
  });

  it('keeps events while the endpoint is down or refusing, retries after a backoff, and drops after ten tries', async () => {
    store = await openStore(await databaseUrl());
    receiver = await endpoint();
    const clock = { t: Date.UTC(2026, 10, 27, 12) };
    const down = await sensor('http://127.0.0.1:9/caliper', clock);
    await down.record([event(1)]);
    expect(await down.flush()).toEqual({ sent: 0, retried: 1, dropped: 0 });
    expect(await down.pending()).toBe(1);

    const s = await sensor(receiver.url, clock);
    expect(await s.flush()).toEqual({ sent: 0, retried: 0, dropped: 0 });
    expect(receiver.received).toHaveLength(0);
    clock.t += 60_000;
    receiver.state.status = 503;
    expect(await s.flush()).toEqual({ sent: 0, retried: 1, dropped: 0 });
    receiver.state.status = 202;
    clock.t += 120_000;
    expect(await s.flush()).toEqual({ sent: 1, retried: 0, dropped: 0 });

    receiver.state.status = 422;
    await s.record([event(2)]);
    let dropped = 0;
    for (let i = 0; i < 12; i++) {
      dropped += (await s.flush()).dropped;
      clock.t += 3_600_000;
    }
    expect(dropped).toBe(1);
    expect(await s.pending()).toBe(0);
  });

  it('sends each event once when two instances flush the same database at the same moment', async () => {
    store = await openStore(await databaseUrl());
    receiver = await endpoint();
    const clock = { t: Date.UTC(2026, 10, 27, 12) };
    const a = await sensor(receiver.url, clock, 5);
    const b = await sensor(receiver.url, clock, 5);
    await a.record(Array.from({ length: 40 }, (_, i) => event(i + 1)));
    await Promise.all([a.flush(), b.flush(), a.flush(), b.flush()]);
    const ids = receiver.received.flatMap((r) => r.body.data.map((e) => e.id));
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
  });
});
