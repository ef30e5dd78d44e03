import { SignJWT } from 'jose';
import { CLAIM, LTI_VERSION, MESSAGE_TYPE } from '../../shared/lti/vocabulary';
import { html, page } from '../http/html';
import type { Launch } from '../lti/launch';
import { randomToken } from '../lti/random';
import type { ToolKeys } from '../lti/tool-keys';
import type { ContentItem } from './content-items';

/** How long the platform may take to receive the response; Canvas refuses an iat older than 5 minutes anyway. */
const RESPONSE_TTL_S = 300;

export interface ResponseMessage {
  items: ContentItem[];
  msg?: string;
  errormsg?: string;
}

/**
 * Signs the LtiDeepLinkingResponse (lti.md a5) at the moment the teacher submits: iss = our client_id, aud = the
 * platform issuer, a fresh nonce (Canvas uses it as jti), the request's deployment_id, `data` echoed byte for byte.
 */
export async function signDeepLinkingResponse(
  launch: Launch,
  message: ResponseMessage,
  keys: ToolKeys,
  now: number,
): Promise<string> {
  const { kid, key } = await keys.signingKey();
  const iat = Math.floor(now / 1000);
  const payload: Record<string, unknown> = {
    iss: launch.clientId,
    aud: launch.issuer,
    iat,
    exp: iat + RESPONSE_TTL_S,
    nonce: randomToken(24),
    [CLAIM.deploymentId]: launch.deploymentId,
    [CLAIM.messageType]: MESSAGE_TYPE.deepLinkingResponse,
    [CLAIM.version]: LTI_VERSION,
    [CLAIM.contentItems]: message.items,
  };
  if (launch.deepLinking?.data !== undefined) payload[CLAIM.data] = launch.deepLinking.data;
  if (message.msg) payload[CLAIM.msg] = message.msg;
  if (message.errormsg) payload[CLAIM.errormsg] = message.errormsg;
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).sign(key);
}

/**
 * The auto-submitting form back to the platform, served in the same frame that received the request (Canvas needs
 * its own session cookie on this POST). The return URL is posted to exactly as given (Moodle's sesskey, Canvas's
 * data), HTML-escaped in the attribute.
 */
export function returnFormPage(returnUrl: string, jwt: string, nonce: string, summary: string): string {
  return page({
    title: 'Returning to your course',
    nonce,
    script: 'document.getElementById("return").submit();',
    body: html`<h1>Returning to your course</h1>
<p role="status">${summary}</p>
<form id="return" method="post" action="${returnUrl}" enctype="application/x-www-form-urlencoded">
<input type="hidden" name="JWT" value="${jwt}">
<noscript><button type="submit">Continue to your course</button></noscript>
</form>`,
  });
}
