import { DEEP_LINK_PATH, LAUNCH_PATH } from './routes';

/**
 * What the tool tells an LMS about itself: the Canvas developer-key JSON (`/lti/config/canvas.json`) and the
 * dynamic-registration request (lti.md b.3). One deep-linking message; inserted links launch as resource links.
 * Privacy: the tool needs no names or emails, so it asks for none (Canvas `anonymous`, claims `iss` and `sub` only).
 */
export const TOOL_NAME = 'ISTE Resource Suggestions';
export const TOOL_DESCRIPTION =
  'Standards-aligned, 1EdTech-certified resources chosen by your district, inserted into courses as LTI links.';

/** Deep-linking placements we can serve, per LMS naming; a registration asks only for those the LMS offers. */
export const DEEP_LINKING_PLACEMENTS = [
  'link_selection',
  'assignment_selection',
  'module_index_menu_modal',
  'ContentArea',
] as const;

export const toolUrls = (publicUrl: string) => ({
  login: `${publicUrl}/lti/login`,
  launch: `${publicUrl}${LAUNCH_PATH}`,
  deepLink: `${publicUrl}${DEEP_LINK_PATH}`,
  jwks: `${publicUrl}/.well-known/jwks.json`,
  redirectUris: [`${publicUrl}${LAUNCH_PATH}`, `${publicUrl}${DEEP_LINK_PATH}`],
});

/** The JSON a Canvas administrator pastes (or points to) when creating an LTI developer key. */
export function canvasConfiguration(publicUrl: string) {
  const urls = toolUrls(publicUrl);
  return {
    title: TOOL_NAME,
    description: TOOL_DESCRIPTION,
    oidc_initiation_url: urls.login,
    target_link_uri: urls.launch,
    public_jwk_url: urls.jwks,
    scopes: [],
    extensions: [
      {
        domain: new URL(publicUrl).host,
        tool_id: 'iste-resource-suggestions',
        platform: 'canvas.instructure.com',
        privacy_level: 'anonymous',
        settings: {
          text: 'Add resources',
          placements: [
            { placement: 'link_selection', message_type: 'LtiDeepLinkingRequest', target_link_uri: urls.deepLink },
            {
              placement: 'assignment_selection',
              message_type: 'LtiDeepLinkingRequest',
              target_link_uri: urls.deepLink,
            },
            {
              placement: 'module_index_menu_modal',
              message_type: 'LtiDeepLinkingRequest',
              target_link_uri: urls.deepLink,
            },
          ],
        },
      },
    ],
    custom_fields: {},
  };
}

/** The registration request body (lti.md b.3), placements chosen from what the platform says it supports. */
export function registrationRequest(
  publicUrl: string,
  platform: { productFamilyCode: string; deepLinkingPlacements?: string[] },
) {
  const urls = toolUrls(publicUrl);
  const offered = platform.deepLinkingPlacements;
  const placements = offered ? DEEP_LINKING_PLACEMENTS.filter((p) => offered.includes(p)) : undefined;
  const canvas = platform.productFamilyCode === 'canvas';
  return {
    application_type: 'web',
    response_types: ['id_token'],
    grant_types: ['implicit', 'client_credentials'],
    initiate_login_uri: urls.login,
    redirect_uris: urls.redirectUris,
    client_name: TOOL_NAME,
    jwks_uri: urls.jwks,
    token_endpoint_auth_method: 'private_key_jwt',
    // No LTI services are used (no grades, no rosters): none are asked for.
    scope: '',
    'https://purl.imsglobal.org/spec/lti-tool-configuration': {
      domain: new URL(publicUrl).host,
      target_link_uri: urls.launch,
      description: TOOL_DESCRIPTION,
      claims: ['iss', 'sub'],
      messages: [
        {
          type: 'LtiDeepLinkingRequest',
          target_link_uri: urls.deepLink,
          label: 'Add resources',
          ...(placements ? { placements } : {}),
        },
      ],
      ...(canvas ? { 'https://canvas.instructure.com/lti/privacy_level': 'anonymous' } : {}),
    },
  };
}
