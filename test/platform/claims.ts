import { CLAIM, CONTEXT_TYPE, LTI_VERSION, MESSAGE_TYPE, ROLE } from '../../shared/lti/vocabulary';

/**
 * id_token claims in the shapes Canvas and Moodle send (see the LTI vectors in test/fixtures/lti-vectors): Canvas
 * puts `validation_context`/`errors` noise in claim objects and a placement claim on deep links; Moodle sends
 * `context.type: ["CourseSection"]`, an `ext` claim, empty `lis` values and 60-second tokens.
 */
export type Shape = 'canvas' | 'moodle';

export interface PlatformUser {
  loginHint: string;
  sub: string;
  name: string;
  email: string;
  role: 'teacher' | 'student';
}

export interface Course {
  id: string;
  title: string;
  label: string;
}

export interface ClaimInput {
  shape: Shape;
  issuer: string;
  clientId: string;
  deploymentId: string;
  user: PlatformUser;
  course: Course;
  nonce: string;
  now: number;
}

const canvasNoise = { validation_context: null, errors: { errors: {} } };

function common(input: ClaimInput): Record<string, unknown> {
  const canvas = input.shape === 'canvas';
  const iat = Math.floor(input.now / 1000);
  const roles =
    input.user.role === 'teacher'
      ? canvas
        ? [ROLE.institutionInstructor, ROLE.instructor, ROLE.systemUser]
        : [ROLE.instructor]
      : canvas
        ? [ROLE.institutionStudent, ROLE.learner, ROLE.systemUser]
        : [ROLE.learner];
  const claims: Record<string, unknown> = {
    iss: input.issuer,
    aud: input.clientId,
    sub: input.user.sub,
    iat,
    exp: iat + (canvas ? 3600 : 60),
    nonce: input.nonce,
    name: input.user.name,
    email: input.user.email,
    [CLAIM.version]: LTI_VERSION,
    [CLAIM.deploymentId]: input.deploymentId,
    [CLAIM.roles]: roles,
    [CLAIM.context]: {
      id: input.course.id,
      label: input.course.label,
      title: input.course.title,
      type: canvas ? [CONTEXT_TYPE.courseOffering] : ['CourseSection'],
      ...(canvas ? canvasNoise : {}),
    },
    [CLAIM.toolPlatform]: canvas
      ? {
          guid: 'ref-platform:canvas-lms',
          name: 'Reference District',
          version: 'cloud',
          product_family_code: 'canvas',
          ...canvasNoise,
        }
      : {
          guid: new URL(input.issuer).host,
          name: 'Reference Moodle',
          version: '2024100700',
          product_family_code: 'moodle',
        },
  };
  if (canvas) claims.azp = input.clientId;
  else {
    claims[CLAIM.lis] = { person_sourcedid: '', course_section_sourcedid: '' };
    claims[CLAIM.ext] = { user_username: input.user.loginHint, lms: 'moodle-2' };
  }
  return claims;
}

export function resourceLinkClaims(
  input: ClaimInput & {
    link: { id: string; title: string; url: string; custom: Record<string, string> };
    documentTarget: string;
  },
): Record<string, unknown> {
  return {
    ...common(input),
    [CLAIM.messageType]: MESSAGE_TYPE.resourceLink,
    [CLAIM.targetLinkUri]: input.link.url,
    [CLAIM.resourceLink]: {
      id: input.link.id,
      title: input.link.title,
      ...(input.shape === 'canvas' ? canvasNoise : {}),
    },
    [CLAIM.custom]: input.link.custom,
    [CLAIM.launchPresentation]: { document_target: input.documentTarget, locale: 'en' },
  };
}

export interface DeepLinkRequestInput extends ClaimInput {
  targetLinkUri: string;
  returnUrl: string;
  placement: string;
  data?: string;
  acceptMultiple: boolean;
}

export function deepLinkingClaims(input: DeepLinkRequestInput): Record<string, unknown> {
  const canvas = input.shape === 'canvas';
  const settings: Record<string, unknown> = {
    deep_link_return_url: input.returnUrl,
    accept_types:
      canvas && input.placement === 'editor_button'
        ? ['link', 'file', 'html', 'ltiResourceLink', 'image']
        : ['ltiResourceLink'],
    accept_presentation_document_targets: canvas ? ['iframe', 'window'] : ['frame', 'iframe', 'window'],
    accept_media_types: 'application/vnd.ims.lti.v1.ltilink',
    accept_multiple: input.acceptMultiple,
    auto_create: false,
    ...(canvas
      ? canvasNoise
      : { accept_copy_advice: false, accept_unsigned: false, can_confirm: false, title: 'Add resources', text: '' }),
  };
  if (input.data !== undefined) settings.data = input.data;
  const claims: Record<string, unknown> = {
    ...common(input),
    [CLAIM.messageType]: MESSAGE_TYPE.deepLinkingRequest,
    [CLAIM.targetLinkUri]: input.targetLinkUri,
    [CLAIM.deepLinkingSettings]: settings,
    [CLAIM.launchPresentation]: { document_target: 'iframe', locale: 'en' },
  };
  if (canvas) claims['https://www.instructure.com/placement'] = input.placement;
  return claims;
}
