import { compactVerify, decodeProtectedHeader } from 'jose';
import type { Kysely } from 'kysely';
import { AppError, type ErrorCode } from '../../shared/errors';
import { CANVAS_PLACEMENT_CLAIM, CLAIM, LTI_VERSION, MESSAGE_TYPE } from '../../shared/lti/vocabulary';
import { isSecureUrl } from '../../shared/model/primitives';
import type { Database, LoginStateTable } from '../db/schema';
import type { PlatformKeys } from './platform-keys';
import type { Platform, Registry } from './registrations';
import { normaliseRoles, type RoleClass } from './roles';

/** Clock leeway for exp and iat (lti.md a3 #9): platform clocks drift (pylti1.3#146). */
export const CLOCK_LEEWAY_S = 30;
/** Oldest id_token accepted, by its iat. */
export const MAX_TOKEN_AGE_S = 600;
const MAX_ID_LENGTH = 255;

export interface DeepLinkingSettings {
  returnUrl: string;
  acceptTypes: string[];
  acceptPresentationDocumentTargets: string[];
  acceptMediaTypes?: string;
  acceptMultiple: boolean;
  acceptLineItem?: boolean;
  autoCreate?: boolean;
  title?: string;
  text?: string;
  /** Opaque; echoed byte for byte in the response. */
  data?: string;
}

/** A verified launch, normalised. Holds no names and no emails: the tool does not need them. */
export interface Launch {
  messageType: typeof MESSAGE_TYPE.resourceLink | typeof MESSAGE_TYPE.deepLinkingRequest;
  issuer: string;
  clientId: string;
  deploymentId: string;
  targetLinkUri?: string;
  userId?: string;
  roles: string[];
  roleClass: RoleClass;
  platformFamily?: string;
  context?: { id: string; title?: string; label?: string };
  resourceLink?: { id: string; title?: string };
  custom: Record<string, string>;
  deepLinking?: DeepLinkingSettings;
  canvasPlacement?: string;
  documentTarget?: string;
}

export type StateBinding = 'cookie' | 'platform-storage' | 'none';

export interface LaunchInput {
  idToken?: string;
  state?: string;
  /** The value of our state cookie for this state, when the browser sent it. */
  cookieState?: string;
  /** Set when the platform reported an error instead of a token (Canvas: login_required, launch_no_longer_valid). */
  error?: string;
  errorDescription?: string;
}

export interface LaunchDeps {
  db: Kysely<Database>;
  registry: Registry;
  platformKeys: PlatformKeys;
  now: () => number;
  publicUrl: string;
}

const fail = (code: ErrorCode, message?: string): never => {
  throw new AppError(code, message);
};

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function decodeSegments(token: string): { header: Json; payload: Json } {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((p, i) => (i === 2 ? /^[A-Za-z0-9_-]*$/ : /^[A-Za-z0-9_-]+$/).test(p))) {
    fail('JWT_MALFORMED', 'The id_token is not three base64url segments.');
  }
  try {
    const header = decodeProtectedHeader(token) as Json;
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as unknown;
    if (!isObject(payload)) return fail('JWT_MALFORMED', 'The id_token payload is not a JSON object.');
    return { header, payload };
  } catch {
    return fail('JWT_MALFORMED', 'The id_token header or payload is not JSON.');
  }
}

/**
 * Validates an LTI 1.3 authentication response (SEC 5.1.3, CORE 5.3) in the order of lti.md a3; the first failed check
 * wins. On success the login state is consumed; on failure after the state was found it is consumed too, so a
 * rejected launch cannot be retried with the same state. Nothing else changes until the caller creates a session.
 */
export async function validateLaunch(
  input: LaunchInput,
  deps: LaunchDeps,
): Promise<{ launch: Launch; binding: StateBinding }> {
  if (input.error) {
    fail(
      'LTI_PLATFORM_ERROR',
      `The LMS answered "${input.error}"${input.errorDescription ? `: ${input.errorDescription}` : ''}.`,
    );
  }
  // 1. shape
  if (!input.idToken) fail('JWT_MALFORMED', 'The launch has no id_token.');
  const token = input.idToken!;
  const { header, payload } = decodeSegments(token);

  // 2. state: present, issued here, not expired, and bound to this browser where the browser can prove it.
  if (!input.state) fail('STATE_MISSING');
  const login = await deps.db
    .selectFrom('login_states')
    .selectAll()
    .where('state', '=', input.state!)
    .executeTakeFirst();
  if (!login) fail('STATE_MISMATCH', 'The launch state was not issued by this tool.');
  const state = login!;
  let binding: StateBinding = 'none';
  try {
    if (state.expires_at < deps.now()) fail('STATE_MISMATCH', 'The login for this launch has expired.');
    if (input.cookieState !== undefined) {
      if (input.cookieState !== state.state) fail('STATE_MISMATCH', 'The launch state does not match this browser.');
      binding = 'cookie';
    } else if (state.storage_target) {
      binding = 'platform-storage';
    }
    const launch = await checkToken(token, header, payload, state, deps);
    return { launch, binding };
  } catch (error) {
    await consume(deps.db, state, deps.now());
    throw error;
  }
}

async function consume(db: Kysely<Database>, state: LoginStateTable, at: number): Promise<boolean> {
  const result = await db
    .updateTable('login_states')
    .set({ consumed_at: at })
    .where('state', '=', state.state)
    .where('consumed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

async function checkToken(
  token: string,
  header: Json,
  payload: Json,
  state: LoginStateTable,
  deps: LaunchDeps,
): Promise<Launch> {
  // 3. algorithm: RS256 only (no `none`, no HS256 key confusion, no ES256 by policy)
  if (header.alg !== 'RS256')
    fail('ALG_NOT_ALLOWED', `The id_token is signed with ${String(header.alg)}; only RS256 is accepted.`);

  // 4. kid: present and published by the platform this login was started for
  const kid = str(header.kid);
  if (!kid) fail('KID_MISSING');
  const loginPlatform = await deps.registry.find(state.issuer, state.client_id);
  if (!loginPlatform) fail('REGISTRATION_NOT_FOUND', 'The registration this login used has been removed.');
  const found = await deps.platformKeys.find(loginPlatform!.jwksUrl, kid!);
  if (!found) fail('KID_UNKNOWN', `The platform does not publish a key with kid "${kid}".`);

  // 5. iss: exact match to a registration, with the client this login was for
  const iss = str(payload.iss);
  const platform: Platform | undefined = iss === undefined ? undefined : await deps.registry.find(iss, state.client_id);
  if (!platform)
    fail(
      'REGISTRATION_NOT_FOUND',
      `No registration for the issuer ${JSON.stringify(payload.iss)} and client ${state.client_id}.`,
    );
  if (iss !== state.issuer) fail('REGISTRATION_NOT_FOUND', 'The launch comes from a different issuer than its login.');

  // 6. signature
  if (!found!.key) fail('SIGNATURE_INVALID', 'The published key cannot verify RS256.');
  try {
    await compactVerify(token, found!.key!, { algorithms: ['RS256'] });
  } catch {
    fail('SIGNATURE_INVALID');
  }

  // 7-8. audience and authorized party
  const aud = payload.aud;
  const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : [];
  if (!audiences.includes(platform!.clientId))
    fail('AUD_MISMATCH', 'The id_token audience does not include this tool.');
  if (Array.isArray(aud) && aud.length > 1 && payload.azp === undefined) fail('AZP_MISSING');
  if (payload.azp !== undefined && payload.azp !== platform!.clientId) fail('AZP_MISMATCH');

  // 9. time
  const { exp, iat } = payload;
  if (typeof exp !== 'number' || typeof iat !== 'number' || !Number.isFinite(exp) || !Number.isFinite(iat)) {
    fail('TIME_CLAIMS_INVALID', 'exp and iat must be numbers of seconds.');
  }
  const now = Math.floor(deps.now() / 1000);
  if (now >= (exp as number) + CLOCK_LEEWAY_S) fail('TOKEN_EXPIRED');
  if ((iat as number) > now + CLOCK_LEEWAY_S) fail('IAT_IN_FUTURE');
  if ((iat as number) < now - MAX_TOKEN_AGE_S) fail('IAT_TOO_OLD');

  // 10. nonce: present, the one issued with this state, and used once
  if (payload.nonce === undefined || payload.nonce === '') fail('NONCE_MISSING');
  if (payload.nonce !== state.nonce) fail('NONCE_MISMATCH');
  if (state.consumed_at !== null || !(await consume(deps.db, state, deps.now()))) {
    fail('NONCE_REPLAY', 'This launch was already used.');
  }

  // 11-12. message type and version
  const messageType = payload[CLAIM.messageType];
  if (messageType === undefined) fail('MESSAGE_TYPE_MISSING');
  if (messageType !== MESSAGE_TYPE.resourceLink && messageType !== MESSAGE_TYPE.deepLinkingRequest) {
    fail('MESSAGE_TYPE_UNSUPPORTED', `The tool does not handle ${String(messageType)} messages.`);
  }
  const version = payload[CLAIM.version];
  if (version === undefined) fail('VERSION_MISSING');
  if (version !== LTI_VERSION)
    fail('VERSION_INVALID', `The LTI version claim is ${JSON.stringify(version)}, not "1.3.0".`);
  const isDeepLinking = messageType === MESSAGE_TYPE.deepLinkingRequest;

  // 13. deployment: registered (or bound on first use where allowed), then consistent with the login hint
  const deploymentId = payload[CLAIM.deploymentId];
  if (typeof deploymentId !== 'string' || deploymentId === '') fail('DEPLOYMENT_ID_MISSING');
  if ((deploymentId as string).length > MAX_ID_LENGTH || !/^[\x20-\x7e]+$/.test(deploymentId as string)) {
    fail('CLAIM_TOO_LONG', 'deployment_id must be at most 255 ASCII characters.');
  }
  const registered = await deps.registry.hasDeployment(platform!, deploymentId as string);
  if (!registered && !platform!.autoBindDeployments) {
    fail('DEPLOYMENT_UNKNOWN', `The deployment ${deploymentId} is not registered for this LMS.`);
  }
  if (state.deployment_hint !== null && state.deployment_hint !== deploymentId) fail('DEPLOYMENT_ID_MISMATCH_LOGIN');

  // 14. target_link_uri: present for resource links, equal to the login's, on our host
  const targetLinkUri = str(payload[CLAIM.targetLinkUri]);
  if (!targetLinkUri && !isDeepLinking) fail('TARGET_LINK_URI_MISSING');
  if (targetLinkUri !== undefined) {
    const ours = new URL(deps.publicUrl);
    let sameHost = false;
    try {
      sameHost = new URL(targetLinkUri).host === ours.host;
    } catch {}
    if (targetLinkUri !== state.target_link_uri || !sameHost) fail('TARGET_LINK_URI_MISMATCH');
  }

  // 15. resource link
  let resourceLink: Launch['resourceLink'];
  if (!isDeepLinking) {
    const link = payload[CLAIM.resourceLink];
    const id = isObject(link) ? link.id : undefined;
    if (typeof id !== 'string' || id === '') fail('RESOURCE_LINK_ID_MISSING');
    if ((id as string).length > MAX_ID_LENGTH)
      fail('CLAIM_TOO_LONG', 'resource_link.id is longer than 255 characters.');
    resourceLink = { id: id as string, title: str((link as Json).title) };
  }

  // 16. roles (may be empty)
  const roles = payload[CLAIM.roles];
  if (!Array.isArray(roles)) fail('ROLES_MISSING');

  // 17. subject: absent = anonymous, allowed for resource links only
  const sub = payload.sub;
  if (sub !== undefined) {
    if (typeof sub !== 'string' || sub === '') fail('SUB_EMPTY');
    if ((sub as string).length > MAX_ID_LENGTH) fail('CLAIM_TOO_LONG', 'sub is longer than 255 characters.');
  } else if (isDeepLinking) {
    fail('SUB_REQUIRED_FOR_DEEP_LINKING');
  }

  // 18. deep linking settings (lti.md a4)
  const deepLinking = isDeepLinking
    ? checkDeepLinkingSettings(payload[CLAIM.deepLinkingSettings], platform!)
    : undefined;

  // Only now, with every check passed, may a new deployment be bound.
  if (!registered) await deps.registry.bindDeployment(platform!, deploymentId as string);

  const normalisedRoles = normaliseRoles(roles as unknown[]);
  const context = payload[CLAIM.context];
  const toolPlatform = payload[CLAIM.toolPlatform];
  const presentation = payload[CLAIM.launchPresentation];
  return {
    messageType: messageType as Launch['messageType'],
    issuer: platform!.issuer,
    clientId: platform!.clientId,
    deploymentId: deploymentId as string,
    targetLinkUri,
    userId: sub as string | undefined,
    roles: normalisedRoles.roles,
    roleClass: normalisedRoles.roleClass,
    platformFamily: isObject(toolPlatform) ? str(toolPlatform.product_family_code) : undefined,
    context:
      isObject(context) && typeof context.id === 'string'
        ? { id: context.id, title: str(context.title), label: str(context.label) }
        : undefined,
    resourceLink,
    custom: normaliseCustom(payload[CLAIM.custom]),
    deepLinking,
    canvasPlacement: str(payload[CANVAS_PLACEMENT_CLAIM]),
    documentTarget: isObject(presentation) ? str(presentation.document_target) : undefined,
  };
}

function checkDeepLinkingSettings(raw: unknown, platform: Platform): DeepLinkingSettings {
  if (!isObject(raw)) return fail('DL_SETTINGS_MISSING');
  const returnUrl = str(raw.deep_link_return_url);
  if (!returnUrl) return fail('DL_RETURN_URL_MISSING');
  if (!isSecureUrl(returnUrl)) return fail('DL_RETURN_URL_NOT_HTTPS', 'The deep_link_return_url is not https.');
  const host = new URL(returnUrl).host.toLowerCase();
  if (platform.platformHosts.length > 0 && !platform.platformHosts.includes(host)) {
    return fail('DL_RETURN_URL_UNTRUSTED', `The return address host ${host} is not registered for this LMS.`);
  }
  const acceptTypes = Array.isArray(raw.accept_types)
    ? raw.accept_types.filter((t): t is string => typeof t === 'string')
    : [];
  if (!acceptTypes.includes('ltiResourceLink') && !acceptTypes.includes('link')) {
    return fail(
      'DL_ACCEPT_TYPES_UNSUPPORTED',
      `The LMS accepts ${acceptTypes.join(', ') || 'nothing'} here, not LTI links.`,
    );
  }
  const targets = raw.accept_presentation_document_targets;
  if (!Array.isArray(targets)) return fail('DL_DOCUMENT_TARGETS_MISSING');
  const flag = (v: unknown) => (v === true || v === 'true' ? true : v === false || v === 'false' ? false : undefined);
  return {
    returnUrl,
    acceptTypes,
    acceptPresentationDocumentTargets: targets.filter((t): t is string => typeof t === 'string'),
    acceptMediaTypes: str(raw.accept_media_types),
    // Absent means one item (DL 2.0); ltijs treats absent as true, which Canvas assignment_selection punishes.
    acceptMultiple: flag(raw.accept_multiple) ?? false,
    acceptLineItem: flag(raw.accept_lineitem),
    autoCreate: flag(raw.auto_create),
    title: str(raw.title),
    text: str(raw.text),
    data:
      raw.data === undefined || raw.data === null
        ? undefined
        : typeof raw.data === 'string'
          ? raw.data
          : JSON.stringify(raw.data),
  };
}

/** Custom values: numbers become strings; values still literally `$Some.variable` were not substituted: dropped. */
function normaliseCustom(raw: unknown): Record<string, string> {
  const custom: Record<string, string> = {};
  if (!isObject(raw)) return custom;
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'number' || typeof value === 'boolean') custom[key] = String(value);
    else if (typeof value === 'string' && !/^\$[A-Za-z][\w.]*$/.test(value)) custom[key] = value;
  }
  return custom;
}
