import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../lms-plugin/log';
import { type RunningTool, startToolServer } from '../../lms-plugin/server';
import { type ReferencePlatform, startReferencePlatform, toolRegisteredByHand } from '../platform/platform';
import { sqliteFileUrl } from '../setup/databases';
import { CookieJar, parseAutoPostForm, request, runToAuthResponse } from './form-flow';

/**
 * Deep linking end to end over real HTTP: the reference platform launches the picker, the picker's plain HTML form
 * posts the teacher's choice (no JavaScript involved), the tool signs the response at that moment, and the platform
 * checks it as strictly as Canvas does before it stores links. Then students launch those links.
 */
describe.each(['canvas', 'moodle'] as const)('deep linking with a %s-shaped platform', (shape) => {
  let tool: RunningTool;
  let platform: ReferencePlatform;
  const clock = { offset: 0 };

  beforeAll(async () => {
    tool = await startToolServer(
      { port: 0, databaseUrl: sqliteFileUrl(`dl-${shape}`), keyGraceDays: 7, seedSampleCatalog: true },
      silentLogger,
    );
    platform = await startReferencePlatform({
      shape,
      now: () => Date.now() + clock.offset,
      tool: toolRegisteredByHand(
        tool.url,
        shape === 'canvas' ? '10000000000077' : 'Qm7fR2xk9Lp4TzA',
        shape === 'canvas' ? '77:abc' : '7',
      ),
    });
    await tool.tool.registry.add(platform.registration);
  });
  afterAll(async () => {
    await platform?.close();
    await tool?.close();
  });

  async function openPicker(jar: CookieJar, placement = 'link_selection') {
    const form = await runToAuthResponse(
      jar,
      `${platform.origin}/courses/${platform.courseId}/deep-link?as=teacher&placement=${placement}`,
    );
    const picker = await request(jar, form.action, { form: form.fields });
    expect(picker.response.status, picker.text.slice(0, 300)).toBe(200);
    const session = /name="session" value="([^"]+)"/.exec(picker.text)![1]!;
    return { html: picker.text, session };
  }

  async function respond(fields: Array<[string, string]>) {
    const response = await fetch(`${tool.url}/lti/deep-link/respond`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
    });
    const text = await response.text();
    return { status: response.status, text, form: parseAutoPostForm(text, tool.url) };
  }

  it('adds two chosen resources as LTI links the platform accepts, and signs at submit time', async () => {
    const jar = new CookieJar();
    const { html, session } = await openPicker(jar);
    expect(html).toContain('Add resources to Science 7 - Period 3');
    expect(html).toContain('sample catalog');
    const before = platform.links().length;
    const answer = await respond([
      ['session', session],
      ['action', 'submit'],
      ['resource_id', 'phet-build-an-atom'],
      ['resource_id', 'khan-ms-biology'],
    ]);
    expect(answer.status).toBe(200);
    expect(answer.form!.action).toMatch(
      shape === 'canvas'
        ? /deep_linking_response\?modal=true&placement=link_selection&data=/
        : /contentitem_return\.php\?course=58&id=7&sesskey=/,
    );
    const payload = JSON.parse(Buffer.from(answer.form!.fields.JWT!.split('.')[1]!, 'base64url').toString());
    expect(Math.abs(payload.iat - Date.now() / 1000)).toBeLessThan(5);
    const items = payload['https://purl.imsglobal.org/spec/lti-dl/claim/content_items'];
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      type: 'ltiResourceLink',
      url: `${tool.url}/lti/launch`,
      custom: { resource_id: 'phet-build-an-atom' },
    });

    const accepted = await request(jar, answer.form!.action, { form: answer.form!.fields, accept: 'application/json' });
    expect(accepted.response.status, accepted.text).toBe(200);
    const added = platform.links().slice(before);
    expect(added.map((l) => l.custom.resource_id)).toEqual(['phet-build-an-atom', 'khan-ms-biology']);
    expect(added.every((l) => !new URL(l.url).search)).toBe(true);

    // The same response posted again 6 minutes later is refused: it was signed when the teacher submitted.
    clock.offset = 6 * 60_000;
    const late = await request(jar, answer.form!.action, { form: answer.form!.fields, accept: 'application/json' });
    clock.offset = 0;
    expect(late.response.status).toBe(400);
    expect(late.text).toMatch(/more than 5 minutes old/);
  });

  it('returns an empty response on cancel, and the course gets no link', async () => {
    const jar = new CookieJar();
    const { session } = await openPicker(jar);
    const before = platform.links().length;
    const answer = await respond([
      ['session', session],
      ['action', 'cancel'],
      ['resource_id', 'phet-density'],
    ]);
    const payload = JSON.parse(Buffer.from(answer.form!.fields.JWT!.split('.')[1]!, 'base64url').toString());
    expect(payload['https://purl.imsglobal.org/spec/lti-dl/claim/content_items']).toEqual([]);
    const accepted = await request(jar, answer.form!.action, { form: answer.form!.fields, accept: 'application/json' });
    expect(accepted.response.status).toBe(200);
    expect(platform.links()).toHaveLength(before);
  });

  it('takes one resource where the placement accepts one', async () => {
    const jar = new CookieJar();
    const { html, session } = await openPicker(jar, 'assignment_selection');
    expect(html).toContain('type="radio"');
    const answer = await respond([
      ['session', session],
      ['action', 'submit'],
      ['resource_id', 'phet-density'],
      ['resource_id', 'phet-friction'],
    ]);
    expect(answer.status).toBe(422);
    expect(answer.text).toContain('choose just one');
  });

  it('searches and filters without JavaScript, keeping what was chosen', async () => {
    const jar = new CookieJar();
    const { session } = await openPicker(jar);
    const response = await fetch(`${tool.url}/lti/picker`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([
        ['session', session],
        ['q', 'electric circuits'],
        ['band', '6-8'],
        ['resource_id', 'phet-density'],
      ]),
    });
    const html = await response.text();
    expect(html).toContain('Results for “electric circuits”');
    expect(html.indexOf('Circuit Construction Kit: DC')).toBeGreaterThan(-1);
    expect(html).toMatch(/Chosen \(1\)[\s\S]*Density \(PhET simulation\)[\s\S]*value="phet-density" checked/);
  });

  it('launches each inserted link to its resource, shows retired ones as retired, and counts launches without names', async () => {
    const created = platform.links().filter((l) => l.custom.resource_id);
    expect(created.length).toBeGreaterThanOrEqual(2);
    for (const link of created.slice(0, 2)) {
      const jar = new CookieJar();
      const form = await runToAuthResponse(
        jar,
        `${platform.origin}/courses/${platform.courseId}/links/${link.id}/launch?as=student`,
      );
      const landed = await request(jar, form.action, { form: form.fields });
      expect(landed.response.status).toBe(302);
      const resource = await tool.tool.catalog.get(link.custom.resource_id!);
      expect(landed.response.headers.get('location')).toBe(resource!.url);
    }
    // The district retires one resource, naming a replacement: its existing link now says so.
    const atom = (await tool.tool.catalog.get('phet-build-an-atom'))!;
    const feed = await tool.tool.catalog.feed();
    const retired = {
      ...atom,
      status: 'retired',
      retirement: {
        reason: 'Replaced by the district chemistry sequence.',
        replacementId: 'khan-chemistry',
        retiredAt: '2026-11-27',
      },
    };
    await tool.tool.catalog.import({ ...feed, resources: [retired] });
    const link = created.find((l) => l.custom.resource_id === 'phet-build-an-atom')!;
    const jar = new CookieJar();
    const form = await runToAuthResponse(
      jar,
      `${platform.origin}/courses/${platform.courseId}/links/${link.id}/launch?as=student`,
    );
    const page = await request(jar, form.action, { form: form.fields });
    expect(page.response.status).toBe(410);
    expect(page.text).toContain('has been retired');
    expect(page.text).toContain('Khan Academy: Chemistry');
    const usage = await tool.tool.launcher.usage();
    expect(usage.find((u) => u.resource_id === 'phet-build-an-atom' && u.outcome === 'retired')).toMatchObject({
      role_class: 'learner',
    });
    expect(JSON.stringify(usage)).not.toContain('Sam');
  });

  it('answers an unknown resource with 404 RESOURCE_NOT_FOUND', async () => {
    const response = await fetch(`${tool.url}/r/no-such-resource`, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(404);
    expect((await response.json()).error).toBe('RESOURCE_NOT_FOUND');
  });
});
