import { compactVerify, createRemoteJWKSet, decodeProtectedHeader, type JWTPayload } from 'jose';
import { CLAIM, LTI_VERSION, MESSAGE_TYPE } from '../../shared/lti/vocabulary';

/**
 * Checks a tool's LtiDeepLinkingResponse as strictly as Canvas does (canvas-lms jwt_validator.rb and
 * deep_linking_services.rb), plus Moodle's and Blackboard's rules: the reference platform refuses what they refuse.
 * Written from the specifications; shares no code with the tool.
 */
export interface PendingDeepLink {
  deploymentId: string;
  data?: string;
  acceptMultiple: boolean;
  acceptTypes: string[];
}

export interface ContentItem {
  type: string;
  url?: string;
  title?: string;
  text?: string;
  custom?: Record<string, unknown>;
  icon?: { url: string };
  thumbnail?: { url: string };
  lineItem?: { scoreMaximum?: number };
  [key: string]: unknown;
}

export interface CheckedResponse {
  items: ContentItem[];
  msg?: string;
  errormsg?: string;
}

export class DeepLinkRejected extends Error {
  constructor(readonly reasons: string[]) {
    super(`deep linking response rejected: ${reasons.join('; ')}`);
  }
}

export interface CheckOptions {
  jwt: string;
  issuer: string;
  clientId: string;
  toolJwksUrl: string;
  pending: PendingDeepLink;
  now: number;
  seenNonces: Set<string>;
}

const jwksCache = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

export async function checkDeepLinkResponse(options: CheckOptions): Promise<CheckedResponse> {
  const reasons: string[] = [];
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(options.jwt) as Record<string, unknown>;
  } catch {
    throw new DeepLinkRejected(['JWT is malformed']);
  }
  if (header.alg !== 'RS256') throw new DeepLinkRejected([`alg ${String(header.alg)} is not RS256`]);
  if (typeof header.kid !== 'string') throw new DeepLinkRejected(['header has no kid']);

  // Canvas fetches the developer key's JWK URL for each response, so a rotated key is seen at once.
  let keySet = jwksCache.get(options.toolJwksUrl);
  if (!keySet) {
    keySet = createRemoteJWKSet(new URL(options.toolJwksUrl), { cooldownDuration: 0, cacheMaxAge: 0 });
    jwksCache.set(options.toolJwksUrl, keySet);
  }
  let payload: JWTPayload;
  try {
    const verified = await compactVerify(options.jwt, keySet, { algorithms: ['RS256'] });
    payload = JSON.parse(new TextDecoder().decode(verified.payload)) as JWTPayload;
  } catch (error) {
    throw new DeepLinkRejected([`JWT verification failure (kid ${String(header.kid)}): ${(error as Error).message}`]);
  }

  if (payload.iss !== options.clientId) reasons.push(`iss ${String(payload.iss)} is not the client id`);
  const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!aud.includes(options.issuer)) reasons.push(`aud ${JSON.stringify(payload.aud)} is not the platform issuer`);
  const now = Math.floor(options.now / 1000);
  if (typeof payload.iat !== 'number' || now - payload.iat > 300) reasons.push('iat is more than 5 minutes old');
  else if (payload.iat > now + 30) reasons.push('iat is in the future');
  if (typeof payload.exp !== 'number' || payload.exp <= now) reasons.push('exp has passed');
  const nonce = payload.nonce;
  if (typeof nonce !== 'string' || nonce === '') reasons.push('nonce is missing');
  else if (options.seenNonces.has(nonce)) reasons.push('nonce (jti) was already used');
  if (payload[CLAIM.deploymentId] !== options.pending.deploymentId)
    reasons.push('deployment_id differs from the request');
  if (payload[CLAIM.messageType] !== MESSAGE_TYPE.deepLinkingResponse)
    reasons.push('message_type is not LtiDeepLinkingResponse');
  if (payload[CLAIM.version] !== LTI_VERSION) reasons.push('version is not 1.3.0');
  if (options.pending.data !== undefined && payload[CLAIM.data] !== options.pending.data) {
    reasons.push('data claim does not match the request (Brightspace: "Deep linking data claim does not match")');
  }

  const rawItems = payload[CLAIM.contentItems];
  const items = (Array.isArray(rawItems) ? rawItems : []) as ContentItem[];
  if (!Array.isArray(rawItems)) reasons.push('content_items is not an array');
  if (!options.pending.acceptMultiple && items.length > 1)
    reasons.push('several items sent where accept_multiple is false');
  items.forEach((item, i) => {
    if (!options.pending.acceptTypes.includes(item.type))
      reasons.push(`item ${i}: type ${item.type} not accepted here`);
    if (item.type === 'ltiResourceLink' || item.type === 'link') {
      if (!item.url) reasons.push(`item ${i}: no url (Blackboard: "Tool (Invalid Link)")`);
      else if (new URL(item.url).search)
        reasons.push(`item ${i}: url has a query string (Blackboard: "Invalid redirect_url")`);
    }
    for (const [key, value] of Object.entries(item.custom ?? {})) {
      if (typeof value !== 'string') reasons.push(`item ${i}: custom.${key} is not a flat string`);
    }
    if (item.lineItem && typeof item.lineItem.scoreMaximum !== 'number')
      reasons.push(`item ${i}: lineItem without scoreMaximum`);
  });
  if (reasons.length) throw new DeepLinkRejected(reasons);
  options.seenNonces.add(nonce as string);
  return {
    items,
    msg: typeof payload[CLAIM.msg] === 'string' ? (payload[CLAIM.msg] as string) : undefined,
    errormsg: typeof payload[CLAIM.errormsg] === 'string' ? (payload[CLAIM.errormsg] as string) : undefined,
  };
}
