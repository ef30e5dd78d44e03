import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import type { Database } from '../db/schema';
import { randomToken } from './random';
import type { Platform, Registry } from './registrations';

/** How long a login may take to come back as a launch. Platforms sign id_tokens for 5-60 minutes; logins are quick. */
export const LOGIN_TTL_MS = 10 * 60_000;

export interface LoginParams {
  iss?: string;
  login_hint?: string;
  target_link_uri?: string;
  lti_message_hint?: string;
  lti_deployment_id?: string;
  /** Canvas once sent `deployment_id` instead (instructure/canvas-lms#2201): accept both. */
  deployment_id?: string;
  client_id?: string;
  lti_storage_target?: string;
}

export interface LoginResult {
  platform: Platform;
  state: string;
  nonce: string;
  storageTarget?: string;
  /** The authentication request (SEC 5.1.1.2) as a URL with its query. */
  authRequestUrl: string;
}

export interface LoginDeps {
  db: Kysely<Database>;
  registry: Registry;
  now: () => number;
  /** Our public origin + path prefix, e.g. https://tool.district.org */
  publicUrl: string;
  /** The redirect URIs registered with platforms; the auth request always uses one of these, exactly. */
  redirectUris: readonly string[];
}

/** OIDC third-party initiated login (lti.md a1, a2): checks, stores state and nonce, builds the auth request. */
export async function startLogin(params: LoginParams, deps: LoginDeps): Promise<LoginResult> {
  if (!params.iss) throw new AppError('LOGIN_ISS_MISSING', 'The login request has no iss parameter.');
  if (!params.login_hint) throw new AppError('LOGIN_HINT_MISSING', 'The login request has no login_hint parameter.');
  if (!params.target_link_uri) {
    throw new AppError('LOGIN_TARGET_LINK_URI_MISSING', 'The login request has no target_link_uri parameter.');
  }
  const platform = await resolvePlatform(params.iss, params.client_id, deps.registry);
  let target: URL;
  try {
    target = new URL(params.target_link_uri);
  } catch {
    throw new AppError('LOGIN_TARGET_LINK_URI_FOREIGN', 'target_link_uri is not a URL.');
  }
  const ours = new URL(deps.publicUrl);
  if (target.host !== ours.host || target.protocol !== ours.protocol) {
    throw new AppError(
      'LOGIN_TARGET_LINK_URI_FOREIGN',
      `target_link_uri points at ${target.host}, not at this tool (${ours.host}).`,
    );
  }
  // redirect_uri must exactly equal a registered value: the one matching the target, else the launch endpoint.
  const targetNoQuery = `${target.origin}${target.pathname}`;
  const redirectUri = deps.redirectUris.find((u) => u === targetNoQuery) ?? deps.redirectUris[0]!;

  const state = randomToken(32);
  const nonce = randomToken(32);
  const t = deps.now();
  const deploymentHint = params.lti_deployment_id ?? params.deployment_id;
  await deps.db
    .insertInto('login_states')
    .values({
      state,
      nonce,
      issuer: platform.issuer,
      client_id: platform.clientId,
      target_link_uri: params.target_link_uri,
      redirect_uri: redirectUri,
      deployment_hint: deploymentHint ?? null,
      storage_target: params.lti_storage_target ?? null,
      created_at: t,
      expires_at: t + LOGIN_TTL_MS,
      consumed_at: null,
    })
    .execute();
  // Expired logins are swept opportunistically; no background job to run on each instance.
  if (Math.random() < 0.02)
    await deps.db
      .deleteFrom('login_states')
      .where('expires_at', '<', t - LOGIN_TTL_MS)
      .execute();

  const auth = new URL(platform.authUrl);
  const query: Record<string, string> = {
    scope: 'openid',
    response_type: 'id_token',
    response_mode: 'form_post',
    prompt: 'none',
    client_id: platform.clientId,
    redirect_uri: redirectUri,
    login_hint: params.login_hint,
    state,
    nonce,
  };
  if (params.lti_message_hint !== undefined) query.lti_message_hint = params.lti_message_hint;
  for (const [key, value] of Object.entries(query)) auth.searchParams.set(key, value);
  return { platform, state, nonce, storageTarget: params.lti_storage_target, authRequestUrl: auth.toString() };
}

async function resolvePlatform(issuer: string, clientId: string | undefined, registry: Registry): Promise<Platform> {
  if (clientId) {
    const platform = await registry.find(issuer, clientId);
    if (platform) return platform;
    const others = await registry.findByIssuer(issuer);
    throw new AppError(
      'LOGIN_REGISTRATION_NOT_FOUND',
      others.length
        ? `The issuer ${issuer} is registered, but not with client_id ${clientId}. Check the client id in the tool registration.`
        : `No registration for the issuer ${issuer}.`,
    );
  }
  const candidates = await registry.findByIssuer(issuer);
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length === 0)
    throw new AppError('LOGIN_REGISTRATION_NOT_FOUND', `No registration for the issuer ${issuer}.`);
  throw new AppError(
    'LOGIN_CLIENT_ID_AMBIGUOUS',
    `The issuer ${issuer} has ${candidates.length} registrations and the login did not send client_id.`,
  );
}
