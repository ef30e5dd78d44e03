import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../lms-plugin/log';
import { type RunningTool, startToolServer } from '../../lms-plugin/server';
import { type ReferencePlatform, startReferencePlatform } from '../platform/platform';
import { sqliteFileUrl } from '../setup/databases';
import { CookieJar, request, runToAuthResponse } from './form-flow';

/** Resource-link and deep-linking launches from the reference platform, Canvas and Moodle shapes, over real HTTP. */
describe.each(['canvas', 'moodle'] as const)('launches from a %s-shaped platform', (shape) => {
  let tool: RunningTool;
  let platform: ReferencePlatform;

  beforeAll(async () => {
    tool = await startToolServer(
      { port: 0, databaseUrl: sqliteFileUrl('refplat'), keyGraceDays: 7, seedSampleCatalog: false },
      silentLogger,
    );
    const url = tool.url;
    platform = await startReferencePlatform({
      shape,
      tool: {
        clientId: shape === 'canvas' ? '48250000000000317' : 'Qm7fR2xk9Lp4TzA',
        deploymentId: shape === 'canvas' ? '2841:3f1c6e0b9d2a4c57e8f0a1b2c3d4e5f60718293a' : '7',
        loginUrl: `${url}/lti/login`,
        redirectUris: [`${url}/lti/launch`, `${url}/lti/deep-link`],
        jwksUrl: `${url}/.well-known/jwks.json`,
        deepLinkUrl: `${url}/lti/deep-link`,
      },
    });
    await tool.tool.registry.add(platform.registration);
  });
  afterAll(async () => {
    await platform?.close();
    await tool?.close();
  });

  it('accepts a deep-linking launch and keeps its settings', async () => {
    const jar = new CookieJar();
    const form = await runToAuthResponse(jar, `${platform.origin}/courses/${platform.courseId}/deep-link?as=teacher`);
    const { response, text } = await request(jar, form.action, { form: form.fields, accept: 'application/json' });
    expect(response.status, text).toBe(200);
    const body = JSON.parse(text);
    expect(body.messageType).toBe('LtiDeepLinkingRequest');
    expect(body.binding).toBe('cookie');
    expect(body.launch.roleClass).toBe('instructor');
    expect(body.launch.platformFamily).toBe(shape);
    expect(body.launch.deepLinking.acceptMultiple).toBe(true);
    expect(body.launch.deepLinking.returnUrl).toContain(platform.origin);
    if (shape === 'moodle') expect(JSON.parse(body.launch.deepLinking.data).launchid).toBeTruthy();
    else expect(body.launch.canvasPlacement).toBe('link_selection');
    expect(JSON.stringify(body.launch)).not.toContain('maya@example.edu');
  });

  it('accepts a student resource-link launch, then refuses its replay', async () => {
    const link = platform.addLink({
      type: 'ltiResourceLink',
      title: 'PhET: Forces',
      url: `${tool.url}/lti/launch`,
      custom: { resource_id: 'phet-forces-and-motion-basics' },
      target: 'window',
    });
    const jar = new CookieJar();
    const form = await runToAuthResponse(
      jar,
      `${platform.origin}/courses/${platform.courseId}/links/${link.id}/launch?as=student`,
    );
    const first = await request(jar, form.action, { form: form.fields, accept: 'application/json' });
    expect(first.response.status, first.text).toBe(200);
    const body = JSON.parse(first.text);
    expect(body.launch).toMatchObject({
      messageType: 'LtiResourceLinkRequest',
      roleClass: 'learner',
      custom: { resource_id: 'phet-forces-and-motion-basics' },
    });
    const replay = await request(jar, form.action, { form: form.fields, accept: 'application/json' });
    expect(replay.response.status).toBe(400);
    expect(JSON.parse(replay.text).error).toBe('NONCE_REPLAY');
  });

  it('shows a page for people when a launch is refused', async () => {
    const jar = new CookieJar();
    const form = await runToAuthResponse(jar, `${platform.origin}/courses/${platform.courseId}/deep-link?as=teacher`);
    const { response, text } = await request(jar, form.action, { form: { ...form.fields, state: 'forged' } });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(text).toContain('STATE_MISMATCH');
    expect(text).toMatch(/open the tool again from your course/i);
  });
});
