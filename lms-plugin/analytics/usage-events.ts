import { randomUUID } from 'node:crypto';
import { type LaunchFacts, navigatedTo, resourceFacts, toolLaunched, toolReturned } from '../../shared/caliper/events';
import type { Resource } from '../../shared/model/resource';
import type { Launch } from '../lti/launch';
import type { CaliperSensor } from './caliper-sensor';

/** The tool's usage moments, told to the district's Caliper endpoint when one is configured (opt-in). */
export interface Analytics {
  /** An inserted link was opened and the tool sent the browser on to the resource. */
  launched(launch: Launch, resource: Resource): Promise<void>;
  /** The picker returned these resources to the LMS. */
  returned(launch: Launch, resources: readonly Resource[]): Promise<void>;
}

export const NO_ANALYTICS: Analytics = { launched: async () => {}, returned: async () => {} };

export function caliperAnalytics(
  sensor: Pick<CaliperSensor, 'record' | 'flush'>,
  toolUrl: string,
  now: () => number,
): Analytics {
  const facts = (launch: Launch): LaunchFacts => ({
    eventId: `urn:uuid:${randomUUID()}`,
    time: now(),
    toolUrl,
    issuer: launch.issuer,
    deploymentId: launch.deploymentId,
    messageType: launch.messageType,
    contextId: launch.context?.id,
    sessionId: randomUUID(),
    sessionStartedAt: now(),
  });
  // Recording is a database write; sending happens after, so a slow endpoint never slows a launch.
  const send = () => void sensor.flush().catch(() => undefined);
  return {
    async launched(launch, resource) {
      const base = facts(launch);
      await sensor.record([
        toolLaunched(base, resourceFacts(resource)),
        navigatedTo({ ...base, eventId: `urn:uuid:${randomUUID()}` }, resourceFacts(resource)),
      ]);
      send();
    },
    async returned(launch, resources) {
      await sensor.record([toolReturned(facts(launch), resources.map(resourceFacts))]);
      send();
    },
  };
}
