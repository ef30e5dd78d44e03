import type { Resource } from '../model/resource';
import { lookupIste } from '../standards/iste';

/**
 * Caliper Analytics 1.2 events for the tool's moments (docs/reference/standards.md d.2), as plain JSON-LD objects.
 * Privacy first: the actor is always the anonymous Person, and no name, email or LTI `sub` is ever included; a course
 * appears only as an IRI built from the LMS's opaque context id.
 */
export const CALIPER_CONTEXT = 'http://purl.imsglobal.org/ctx/caliper/v1p2';
export const ANONYMOUS_PERSON = { id: 'http://purl.imsglobal.org/caliper/Person', type: 'Person' } as const;

export type CaliperEvent = Record<string, unknown> & { id: string; type: string; action: string; eventTime: string };

export interface LaunchFacts {
  /** urn:uuid:… for the event. */
  eventId: string;
  time: number;
  /** The tool's public URL: the SoftwareApplication launched. */
  toolUrl: string;
  issuer: string;
  deploymentId: string;
  messageType: string;
  contextId?: string;
  /** An id for the tool's own session (never the LMS's session or the user). */
  sessionId: string;
  sessionStartedAt: number;
}

export interface ResourceFacts {
  id: string;
  url: string;
  title: string;
  /** ISTE (or other) alignment codes, as LearningObjective ids. */
  objectives?: Array<{ id: string; name: string }>;
}

/** A catalog resource as Caliper sees it: ISTE alignments become LearningObjectives (`urn:iste:set-version:code`). */
export function resourceFacts(resource: Resource): ResourceFacts {
  return {
    id: resource.id,
    url: resource.url,
    title: resource.title,
    objectives: resource.alignments
      .filter((a) => a.framework === 'ISTE')
      .map((a) => {
        const entry = lookupIste(a);
        return {
          id: `urn:iste:${a.set}-${a.version}:${a.code}`,
          name: `ISTE ${a.code}${entry ? ` ${entry.standardName}: ${entry.label}` : ''}`,
        };
      }),
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

const group = (f: LaunchFacts) =>
  f.contextId
    ? { id: `${f.issuer.replace(/\/$/, '')}/lti/contexts/${encodeURIComponent(f.contextId)}`, type: 'CourseSection' }
    : undefined;

const ltiSession = (f: LaunchFacts) => ({
  id: `urn:uuid:${f.sessionId}`,
  type: 'LtiSession',
  user: ANONYMOUS_PERSON,
  dateCreated: iso(f.sessionStartedAt),
  startedAtTime: iso(f.sessionStartedAt),
  // The launch's non-personal parameters only: who launched is not recorded.
  messageParameters: {
    iss: f.issuer,
    'https://purl.imsglobal.org/spec/lti/claim/deployment_id': f.deploymentId,
    'https://purl.imsglobal.org/spec/lti/claim/message_type': f.messageType,
    'https://purl.imsglobal.org/spec/lti/claim/version': '1.3.0',
  },
});

const digitalResource = (r: ResourceFacts) => ({
  id: r.url,
  type: 'DigitalResource',
  name: r.title,
  ...(r.objectives?.length
    ? { learningObjectives: r.objectives.map((o) => ({ id: o.id, type: 'LearningObjective', name: o.name })) }
    : {}),
  extensions: { catalogId: r.id },
});

function base(f: LaunchFacts, type: string, profile: string, action: string) {
  const g = group(f);
  return {
    '@context': CALIPER_CONTEXT,
    id: f.eventId,
    type,
    profile,
    actor: ANONYMOUS_PERSON,
    action,
    eventTime: iso(f.time),
    edApp: { id: f.issuer, type: 'SoftwareApplication' },
    ...(g ? { group: g } : {}),
  };
}

/** ToolLaunchEvent Launched: an inserted link was opened through the tool (federatedSession is required here). */
export function toolLaunched(f: LaunchFacts, resource: ResourceFacts): CaliperEvent {
  return {
    ...base(f, 'ToolLaunchEvent', 'ToolLaunchProfile', 'Launched'),
    object: { id: f.toolUrl, type: 'SoftwareApplication' },
    generated: digitalResource(resource),
    federatedSession: ltiSession(f),
  };
}

/** ToolLaunchEvent Returned: the picker answered a deep-linking request with these resources. */
export function toolReturned(f: LaunchFacts, resources: ResourceFacts[]): CaliperEvent {
  return {
    ...base(f, 'ToolLaunchEvent', 'ToolLaunchProfile', 'Returned'),
    object: { id: f.toolUrl, type: 'SoftwareApplication' },
    generated: {
      id: `${f.toolUrl}/lti/returns/${f.eventId.replace(/^urn:uuid:/, '')}`,
      type: 'DigitalResourceCollection',
      items: resources.map(digitalResource),
    },
    federatedSession: ltiSession(f),
  };
}

/** NavigationEvent NavigatedTo: the tool sent the browser on to the resource. */
export function navigatedTo(f: LaunchFacts, resource: ResourceFacts): CaliperEvent {
  return {
    ...base(f, 'NavigationEvent', 'ReadingProfile', 'NavigatedTo'),
    object: digitalResource(resource),
    referrer: { id: f.toolUrl, type: 'SoftwareApplication' },
  };
}

/** The envelope: exactly sensor, sendTime, dataVersion and data (standards.md d.1). */
export function caliperEnvelope(sensor: string, events: readonly CaliperEvent[], sendTime: number) {
  return { sensor, sendTime: iso(sendTime), dataVersion: CALIPER_CONTEXT, data: events };
}
