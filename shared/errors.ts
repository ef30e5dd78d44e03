/**
 * The one error type of the product. Bad external input (a catalog feed, an LTI message, a cartridge, a policy)
 * throws `AppError` with a stable code from the closed table below; misuse by our own code throws `TypeError`.
 * The table is the single place that maps a code to an HTTP status and to the words a teacher or admin sees.
 */

interface ErrorSpec {
  /** HTTP status when the error ends a request. */
  readonly status: number;
  /** What happened, for people. */
  readonly title: string;
  /** What the person in front of the screen can do about it. */
  readonly advice: string;
}

const lti = (title: string, advice = 'Close this window and open the tool again from your course.'): ErrorSpec => ({
  status: 400,
  title,
  advice,
});
const setup = (title: string): ErrorSpec => ({
  status: 400,
  title,
  advice: 'Ask your LMS administrator to check the tool registration. Quote the error code.',
});
const input = (title: string, advice = 'Fix the input and try again.'): ErrorSpec => ({ status: 422, title, advice });

export const ERROR_SPECS = {
  // OIDC login initiation (lti.md a1)
  LOGIN_ISS_MISSING: setup('The login request did not say which LMS it came from (iss).'),
  LOGIN_HINT_MISSING: setup('The login request has no login_hint.'),
  LOGIN_TARGET_LINK_URI_MISSING: setup('The login request has no target_link_uri.'),
  LOGIN_TARGET_LINK_URI_FOREIGN: setup('The login request points at another tool (target_link_uri host).'),
  LOGIN_REGISTRATION_NOT_FOUND: setup('This LMS is not registered with the tool.'),
  LOGIN_CLIENT_ID_AMBIGUOUS: setup('Several registrations share this issuer and the LMS did not send client_id.'),
  // id_token checks, in the order of lti.md a3
  LTI_PLATFORM_ERROR: lti('The LMS reported an error instead of a launch.'),
  JWT_MALFORMED: lti('The launch message is not a well-formed token.'),
  STATE_MISSING: lti('The launch has no state value.'),
  STATE_MISMATCH: lti('The launch does not belong to a login started here, or it has expired.'),
  STATE_ALREADY_USED: lti('This launch was already used. Each launch works once.'),
  ALG_NOT_ALLOWED: setup('The launch token is signed with an algorithm the tool does not accept (RS256 only).'),
  KID_MISSING: setup('The launch token does not name its signing key (kid).'),
  KID_UNKNOWN: setup("The launch token's signing key is not in the LMS's published key set."),
  JWKS_UNAVAILABLE: {
    status: 502,
    title: "The LMS's key set could not be fetched.",
    advice: 'Try again in a minute; if it persists, ask your LMS administrator.',
  },
  REGISTRATION_NOT_FOUND: setup('The launch comes from an LMS that is not registered with the tool.'),
  SIGNATURE_INVALID: lti('The launch token signature is not valid.'),
  AUD_MISMATCH: setup('The launch token is meant for another tool (aud).'),
  AZP_MISSING: setup('The launch token names several audiences but no authorized party (azp).'),
  AZP_MISMATCH: setup('The launch token is authorized for another tool (azp).'),
  TIME_CLAIMS_INVALID: lti('The launch token has no valid time stamps.'),
  TOKEN_EXPIRED: lti('The launch has expired.'),
  IAT_IN_FUTURE: lti('The launch token is dated in the future. Check the clocks of the LMS and the tool.'),
  IAT_TOO_OLD: lti('The launch token is too old.'),
  NONCE_MISSING: lti('The launch token has no nonce.'),
  NONCE_MISMATCH: lti('The launch token does not match the login it claims to answer.'),
  NONCE_UNKNOWN: lti('The launch token answers a login the tool never started.'),
  NONCE_REPLAY: lti('This launch was already used. Each launch works once.'),
  MESSAGE_TYPE_MISSING: lti('The launch does not say what kind of message it is.'),
  MESSAGE_TYPE_UNSUPPORTED: setup('The tool does not handle this kind of LTI message.'),
  VERSION_MISSING: lti('The launch does not say which LTI version it uses.'),
  VERSION_INVALID: setup('The launch uses an LTI version other than 1.3.0.'),
  DEPLOYMENT_ID_MISSING: setup('The launch has no deployment id.'),
  DEPLOYMENT_UNKNOWN: setup('This deployment of the tool is not registered.'),
  DEPLOYMENT_ID_MISMATCH_LOGIN: lti('The launch deployment differs from the one the login announced.'),
  TARGET_LINK_URI_MISSING: lti('The launch has no target_link_uri.'),
  TARGET_LINK_URI_MISMATCH: lti('The launch points somewhere other than where the login said.'),
  RESOURCE_LINK_ID_MISSING: lti('The launch has no resource link id.'),
  CLAIM_TOO_LONG: lti('An identifier in the launch is longer than 255 characters.'),
  ROLES_MISSING: lti('The launch does not carry the roles claim.'),
  SUB_EMPTY: lti('The launch has an empty user id.'),
  SUB_REQUIRED_FOR_DEEP_LINKING: lti('Adding content needs a signed-in user, and this launch has none.'),
  DL_SETTINGS_MISSING: setup('The content-selection launch has no deep linking settings.'),
  DL_RETURN_URL_MISSING: setup('The content-selection launch does not say where to return.'),
  DL_RETURN_URL_NOT_HTTPS: setup('The content-selection return address is not https.'),
  DL_RETURN_URL_UNTRUSTED: setup('The content-selection return address is not on a host registered for this LMS.'),
  DL_ACCEPT_TYPES_UNSUPPORTED: setup('The LMS does not accept LTI links or links in this place.'),
  DL_DOCUMENT_TARGETS_MISSING: setup('The content-selection launch does not say how content may be shown.'),
  // sessions and the picker
  SESSION_MISSING: lti('Your session with the tool was not found.'),
  SESSION_EXPIRED: lti('Your session with the tool has expired.'),
  SELECTION_INVALID: input('The selection could not be used.', 'Choose the resources again.'),
  // resources behind inserted links
  RESOURCE_NOT_FOUND: {
    status: 404,
    title: 'This resource is not in the district catalog.',
    advice: 'Tell your teacher; the link may be from another district.',
  },
  LIST_NOT_FOUND: { status: 404, title: 'There is no published list with this id.', advice: 'Check the address.' },
  RESOURCE_RETIRED: {
    status: 410,
    title: 'The district has retired this resource.',
    advice: 'Use the replacement shown below, or tell your teacher.',
  },
  // catalog and standards input
  CATALOG_INVALID: input('The catalog feed is not valid.'),
  CATALOG_RECORD_INVALID: input('A catalog record is not valid.'),
  CATALOG_DUPLICATE_ID: input('Two catalog records share an id.'),
  CATALOG_FETCH_FAILED: {
    status: 502,
    title: 'The catalog could not be fetched.',
    advice: 'The last good catalog is still in use.',
  },
  ISTE_CODE_MALFORMED: input('This is not an ISTE Standards code.'),
  ISTE_CODE_UNKNOWN: input('This ISTE Standards code does not exist in that set and version.'),
  CERTIFICATION_UNKNOWN: input('This 1EdTech certification is not in the vocabulary.'),
  POLICY_INVALID: input('The district policy has values of the wrong type.'),
  CARTRIDGE_INVALID: input('The cartridge could not be read.'),
  CONFIG_INVALID: {
    status: 500,
    title: 'The tool is misconfigured.',
    advice: 'Check the environment variables and flags (see README).',
  },
  REGISTRATION_INVALID: input('The registration is not valid.'),
  // LTI Dynamic Registration (lti.md b)
  DR_CODE_INVALID: {
    status: 403,
    title: 'This registration link is not valid: it is unknown, expired or already used.',
    advice: 'Ask the tool administrator for a new link (npm run tool -- registration url).',
  },
  DR_OPENID_CONFIGURATION_MISSING: setup('The LMS did not send its openid_configuration address.'),
  DR_CONFIGURATION_UNREACHABLE: {
    status: 502,
    title: "The LMS's configuration could not be fetched.",
    advice: 'Start the registration again from the LMS; the registration token may have expired.',
  },
  DR_CONFIGURATION_INVALID: setup("The LMS's OpenID configuration is missing something LTI 1.3 needs."),
  DR_ISSUER_MISMATCH: setup("The LMS's issuer does not match the address its configuration came from."),
  DR_REGISTRATION_REJECTED: {
    status: 502,
    title: 'The LMS refused the registration.',
    advice: "Check the LMS's message below, then start the registration again from the LMS.",
  },
  NOT_FOUND: { status: 404, title: 'Not found.', advice: 'Check the address.' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_SPECS;

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message?: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(message ?? ERROR_SPECS[code].title, options);
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_SPECS[this.code].status;
  }
}

export const isAppError = (value: unknown): value is AppError => value instanceof AppError;

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_SPECS, value);
}
