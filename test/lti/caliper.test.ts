import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../lms-plugin/log';
import { type RunningTool, startToolServer } from '../../lms-plugin/server';
import { type ReferencePlatform, startReferencePlatform, toolRegisteredByHand } from '../platform/platform';
import { caliperValidator } from '../setup/caliper-schemas';
import { sqliteFileUrl } from '../setup/databases';
import { CookieJar, parseAutoPostForm, request, runToAuthResponse } from './form-flow';

/**
 * Opt-in usage analytics end to end over real HTTP: with CALIPER_ENDPOINT set, a teacher's deep-linking insertion
 * sends a ToolLaunchEvent "Returned" and a student's launch of an inserted link a "Launched" and a NavigationEvent, to
 * the district's endpoint with its token, valid against the 1EdTech schemas and naming nobody.
 */
describe('Caliper events from real launches', () => {
  let tool: RunningTool;
  let platform: ReferencePlatform;
  let receiver: Server;
  const envelopes: Array<{ authorization?: string; body: { data: Array<Record<string, unknown>> } }> = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let text = '';
      req.on('data', (c) => (text += c));
      req.on('end', () => {
        envelopes.push({ authorization: req.headers.authorization, body: JSON.parse(text) });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
    tool = await startToolServer(
      {
        port: 0,
        databaseUrl: sqliteFileUrl('caliper-e2e'),
        keyGraceDays: 7,
        seedSampleCatalog: true,
        caliperEndpoint: `http://127.0.0.1:${(receiver.address() as { port: number }).port}/events`,
        caliperToken: 'riverbend-lrs-token',
      },
      silentLogger,
    );
    platform = await startReferencePlatform({
      shape: 'canvas',
      tool: toolRegisteredByHand(tool.url, '10000000000055', '55:cal'),
    });
    await tool.tool.registry.add(platform.registration);
  });
  afterAll(async () => {
    await platform?.close();
    await tool?.close();
    receiver?.closeAllConnections();
    await new Promise<void>((r) => receiver?.close(() => r()));
  });

  const events = () => envelopes.flatMap((e) => e.body.data);

  it('sends Returned on insertion, Launched and NavigatedTo on a student launch, all valid and anonymous', async () => {
    const teacher = new CookieJar();
    const form = await runToAuthResponse(
      teacher,
      `${platform.origin}/courses/${platform.courseId}/deep-link?as=teacher&placement=link_selection`,
    );
    const picker = await request(teacher, form.action, { form: form.fields });
    const session = /name="session" value="([^"]+)"/.exec(picker.text)![1]!;
    const answer = await fetch(`${tool.url}/lti/deep-link/respond`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([
        ['session', session],
        ['action', 'submit'],
        ['resource_id', 'phet-build-an-atom'],
        ['resource_id', 'khan-ms-biology'],
      ]),
    });
    const returnForm = parseAutoPostForm(await answer.text(), tool.url)!;
    await request(teacher, returnForm.action, { form: returnForm.fields, accept: 'application/json' });
    await expect.poll(() => events().map((e) => e.action)).toContain('Returned');

    const link = platform.links().find((l) => l.custom.resource_id === 'khan-ms-biology')!;
    const student = new CookieJar();
    const launch = await runToAuthResponse(
      student,
      `${platform.origin}/courses/${platform.courseId}/links/${link.id}/launch?as=student`,
    );
    expect((await request(student, launch.action, { form: launch.fields })).response.status).toBe(302);
    await expect
      .poll(() =>
        events()
          .map((e) => e.action)
          .sort(),
      )
      .toEqual(['Launched', 'NavigatedTo', 'Returned']);

    expect(envelopes.every((e) => e.authorization === 'Bearer riverbend-lrs-token')).toBe(true);
    const caliper = caliperValidator();
    for (const event of events()) expect(caliper.validateEvent(event), String(event.action)).toEqual([]);
    const returned = events().find((e) => e.action === 'Returned')!;
    expect(
      (returned.generated as { items: Array<{ extensions: { catalogId: string } }> }).items.map(
        (i) => i.extensions.catalogId,
      ),
    ).toEqual(['phet-build-an-atom', 'khan-ms-biology']);
    const navigated = events().find((e) => e.action === 'NavigatedTo')!;
    expect((navigated.object as { id: string }).id).toBe((await tool.tool.catalog.get('khan-ms-biology'))!.url);
    const text = JSON.stringify(events());
    for (const user of Object.values(platform.users)) {
      expect(text).not.toContain(user.name);
      expect(text).not.toContain(user.email);
      expect(text).not.toContain(user.sub);
    }
    expect(await tool.tool.caliper!.pending()).toBe(0);
  });
});
