import type { Hono } from 'hono';
import { POST_MESSAGE } from '../../shared/lti/vocabulary';
import { html, page } from '../http/html';
import type { Logger } from '../log';
import { type DynamicRegistrationDeps, registerDynamically } from './dynamic-registration';
import { randomToken } from './random';
import { REGISTER_PATH, type RegistrationCodes } from './registration-codes';
import { canvasConfiguration } from './tool-configuration';

const CLOSE_SCRIPT = `
const close = () => (window.opener || window.parent).postMessage({ subject: '${POST_MESSAGE.registrationClose}' }, '*');
document.getElementById('close').addEventListener('click', close);
close();`;

/**
 * `/lti/config/canvas.json` for Canvas developer keys, and `/lti/register` for LTI Dynamic Registration. The register
 * URL is opened by the LMS with the administrator's one-time code; nothing is fetched before the code is claimed, so
 * the public URL cannot be used to make the tool request arbitrary addresses.
 */
export function registerRegistrationRoutes(
  app: Hono,
  deps: DynamicRegistrationDeps & { codes: RegistrationCodes; log: Logger },
): void {
  app.get('/lti/config/canvas.json', (c) => c.json(canvasConfiguration(deps.publicUrl)));

  app.get(REGISTER_PATH, async (c) => {
    const code = c.req.query('code');
    await deps.codes.claim(code);
    try {
      const result = await registerDynamically(
        {
          openidConfiguration: c.req.query('openid_configuration'),
          registrationToken: c.req.query('registration_token'),
        },
        deps,
      );
      await deps.codes.complete(code!, result.platform.issuer);
      deps.log.info('dynamic registration', {
        iss: result.platform.issuer,
        client_id: result.platform.clientId,
        product: result.productFamilyCode,
      });
      const nonce = randomToken(16);
      c.header('content-security-policy', `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'`);
      const body = html`<main>
<h1>The tool is registered</h1>
<p role="status">Registered with <strong>${result.productFamilyCode}</strong> at <code>${result.platform.issuer}</code>,
client id <code>${result.platform.clientId}</code>${result.deploymentId ? html`, deployment <code>${result.deploymentId}</code>` : ''}.</p>
<p class="advice">Your LMS may now ask you to review the tool and turn it on for your courses. Deployments are
recognised on their first launch.</p>
<p><button type="button" id="close">Finish</button></p>
</main>`;
      return c.html(page({ title: 'The tool is registered', body, nonce, script: CLOSE_SCRIPT }));
    } catch (error) {
      await deps.codes.release(code!);
      throw error;
    }
  });
}
