import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { isSecureUrl } from '../../shared/model/primitives';
import type { createRegistry, Platform } from './registrations';
import { DEEP_LINKING_PLACEMENTS, registrationRequest } from './tool-configuration';

const PLATFORM_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-platform-configuration';
const TOOL_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-tool-configuration';

const endpoint = z.string().refine(isSecureUrl, 'must be an https URL');

/** The platform's OpenID configuration, as far as LTI Dynamic Registration needs it (lti.md b.2). */
const PlatformConfiguration = z.object({
  issuer: endpoint,
  authorization_endpoint: endpoint,
  registration_endpoint: endpoint,
  jwks_uri: endpoint,
  token_endpoint: endpoint,
  token_endpoint_auth_methods_supported: z
    .array(z.string())
    .refine((m) => m.includes('private_key_jwt'), 'must include private_key_jwt'),
  id_token_signing_alg_values_supported: z.array(z.string()).refine((a) => a.includes('RS256'), 'must include RS256'),
  scopes_supported: z.array(z.string()),
  [PLATFORM_CONFIGURATION]: z.object({
    product_family_code: z.string().min(1),
    version: z.string().optional(),
    messages_supported: z.array(z.object({ type: z.string(), placements: z.array(z.string()).optional() })),
    variables: z.array(z.string()).optional(),
  }),
});
type PlatformConfiguration = z.infer<typeof PlatformConfiguration>;

const RegistrationResponse = z.object({
  client_id: z.string().min(1).max(255),
  [TOOL_CONFIGURATION]: z.object({ deployment_id: z.string().min(1).max(255).optional() }).optional(),
});

export interface DynamicRegistrationDeps {
  registry: Pick<ReturnType<typeof createRegistry>, 'add'>;
  publicUrl: string;
  fetch: typeof fetch;
  userAgent: string;
}

const issues = (error: z.ZodError) =>
  error.issues.map((i) => `${i.path.join('.') || '(document)'} ${i.message}`).join('; ');

async function fetchJson(url: string, init: RequestInit, deps: DynamicRegistrationDeps) {
  const response = await deps.fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { response, body, text };
}

/** Validates the configuration document against the address it came from (DR "Issuer and OpenID Configuration URL Match"). */
export function checkPlatformConfiguration(configurationUrl: string, raw: unknown): PlatformConfiguration {
  const parsed = PlatformConfiguration.safeParse(raw);
  if (!parsed.success) throw new AppError('DR_CONFIGURATION_INVALID', issues(parsed.error));
  const issuer = new URL(parsed.data.issuer);
  if (issuer.search || issuer.hash) {
    throw new AppError('DR_CONFIGURATION_INVALID', 'issuer must not have a query or fragment');
  }
  if (issuer.host !== new URL(configurationUrl).host) {
    throw new AppError(
      'DR_ISSUER_MISMATCH',
      `issuer ${parsed.data.issuer} is not on the host of the configuration address (${new URL(configurationUrl).host})`,
    );
  }
  const messages = parsed.data[PLATFORM_CONFIGURATION].messages_supported;
  const deepLinking = messages.find((m) => m.type === 'LtiDeepLinkingRequest');
  if (!deepLinking) {
    throw new AppError('DR_CONFIGURATION_INVALID', 'the LMS does not offer deep linking (LtiDeepLinkingRequest)');
  }
  if (
    deepLinking.placements &&
    !deepLinking.placements.some((p) => (DEEP_LINKING_PLACEMENTS as readonly string[]).includes(p))
  ) {
    throw new AppError(
      'DR_CONFIGURATION_INVALID',
      `none of the LMS's deep-linking placements (${deepLinking.placements.join(', ')}) is one this tool serves`,
    );
  }
  return parsed.data;
}

/**
 * LTI Dynamic Registration, tool side (lti.md b): fetch and check the platform's configuration, post our registration,
 * store the platform. Deployments are bound on first launch, since Canvas and Brightspace return none here.
 */
export async function registerDynamically(
  request: { openidConfiguration?: string; registrationToken?: string },
  deps: DynamicRegistrationDeps,
): Promise<{ platform: Platform; productFamilyCode: string; deploymentId?: string }> {
  const configurationUrl = request.openidConfiguration;
  if (!configurationUrl) throw new AppError('DR_OPENID_CONFIGURATION_MISSING');
  if (!isSecureUrl(configurationUrl)) {
    throw new AppError('DR_CONFIGURATION_INVALID', 'openid_configuration must be an https URL');
  }
  const auth: Record<string, string> = request.registrationToken
    ? { authorization: `Bearer ${request.registrationToken}` }
    : {};
  const fetched = await fetchJson(
    configurationUrl,
    { headers: { accept: 'application/json', 'user-agent': deps.userAgent, ...auth } },
    deps,
  ).catch((error: Error) => {
    throw new AppError('DR_CONFIGURATION_UNREACHABLE', `${configurationUrl}: ${error.message}`);
  });
  if (!fetched.response.ok) {
    throw new AppError('DR_CONFIGURATION_UNREACHABLE', `${configurationUrl} answered HTTP ${fetched.response.status}`);
  }
  const config = checkPlatformConfiguration(configurationUrl, fetched.body);
  const platformConfig = config[PLATFORM_CONFIGURATION];
  const body = registrationRequest(deps.publicUrl, {
    productFamilyCode: platformConfig.product_family_code,
    deepLinkingPlacements: platformConfig.messages_supported.find((m) => m.type === 'LtiDeepLinkingRequest')
      ?.placements,
  });
  const posted = await fetchJson(
    config.registration_endpoint,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'user-agent': deps.userAgent,
        ...auth,
      },
      body: JSON.stringify(body),
    },
    deps,
  ).catch((error: Error) => {
    throw new AppError('DR_REGISTRATION_REJECTED', `${config.registration_endpoint}: ${error.message}`);
  });
  if (!posted.response.ok) {
    throw new AppError(
      'DR_REGISTRATION_REJECTED',
      `HTTP ${posted.response.status}: ${posted.text.replace(/\s+/g, ' ').slice(0, 300)}`,
    );
  }
  const registered = RegistrationResponse.safeParse(posted.body);
  if (!registered.success) {
    throw new AppError(
      'DR_REGISTRATION_REJECTED',
      `the LMS's answer has no usable client_id (${issues(registered.error)})`,
    );
  }
  const deploymentId = registered.data[TOOL_CONFIGURATION]?.deployment_id;
  const platform = await deps.registry.add({
    issuer: config.issuer,
    clientId: registered.data.client_id,
    authUrl: config.authorization_endpoint,
    jwksUrl: config.jwks_uri,
    tokenUrl: config.token_endpoint,
    deploymentIds: deploymentId ? [deploymentId] : [],
    autoBindDeployments: true,
    label: `${platformConfig.product_family_code} (dynamic registration)`,
  });
  return { platform, productFamilyCode: platformConfig.product_family_code, deploymentId };
}
