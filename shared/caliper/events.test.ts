import { describe, expect, it } from 'vitest';
import { caliperValidator } from '../../test/setup/caliper-schemas';
import sample from '../catalog/sample-catalog.json';
import type { Resource } from '../model/resource';
import {
  ANONYMOUS_PERSON,
  caliperEnvelope,
  type LaunchFacts,
  navigatedTo,
  resourceFacts,
  toolLaunched,
  toolReturned,
} from './events';

const caliper = caliperValidator();
const resource = (sample.resources as unknown as Resource[]).find((r) => r.alignments.length > 0)!;
const facts: LaunchFacts = {
  eventId: 'urn:uuid:3b241101-e2bb-4255-8caf-4136c566a962',
  time: Date.UTC(2026, 10, 27, 9, 30, 0, 123),
  toolUrl: 'https://tool.riverbend.example',
  issuer: 'https://canvas.instructure.com',
  deploymentId: '77:abc',
  messageType: 'LtiResourceLinkRequest',
  contextId: 'c0ffee/42',
  sessionId: '6f1c2a4e-8d55-4b0b-9a5e-2f4d7c1e9b10',
  sessionStartedAt: Date.UTC(2026, 10, 27, 9, 29, 58),
};

describe('Caliper 1.2 events', () => {
  it('the schema harness accepts the official fixtures and refuses the official negative ones', () => {
    expect(caliper.validateEvent(caliper.fixture('caliperEventToolLaunchLaunched'))).toEqual([]);
    expect(caliper.validateEvent(caliper.fixture('caliperEventNavigationNavigatedToWebPage'))).toEqual([]);
    expect(caliper.validateEvent(caliper.fixture('caliperEvent-NoActor'))).not.toEqual([]);
    expect(caliper.validateEvent(caliper.fixture('caliperEventToolLaunchLaunched-NoFederatedSession'))).not.toEqual([]);
  });

  it('builds Launched, Returned and NavigatedTo events that validate against the 1EdTech schemas', () => {
    const r = resourceFacts(resource);
    const events = [
      toolLaunched(facts, r),
      toolReturned({ ...facts, messageType: 'LtiDeepLinkingRequest' }, [r, r]),
      navigatedTo(facts, r),
    ];
    for (const event of events) expect(caliper.validateEvent(event), `${event.type} ${event.action}`).toEqual([]);
    expect(events.map((e) => e.action)).toEqual(['Launched', 'Returned', 'NavigatedTo']);
    expect(events[0]!.eventTime).toBe('2026-11-27T09:30:00.123Z');
    expect((events[0]!.group as { id: string }).id).toBe('https://canvas.instructure.com/lti/contexts/c0ffee%2F42');
    expect(r.objectives![0]!.id).toMatch(/^urn:iste:(students|educators|leaders|coaches|ct)-\d{4}:\d\.\d\.[a-z]$/);
  });

  it('never names the person: the actor is the anonymous Person and no personal claim appears', () => {
    const text = JSON.stringify([
      toolLaunched(facts, resourceFacts(resource)),
      navigatedTo(facts, resourceFacts(resource)),
    ]);
    expect(JSON.parse(text)[0].actor).toEqual(ANONYMOUS_PERSON);
    for (const personal of ['"name":"Maya', 'email', '"sub"', 'given_name', 'picture', 'lis'])
      expect(text).not.toContain(personal);
  });

  it('wraps events in an envelope of exactly sensor, sendTime, dataVersion and data', () => {
    const envelope = caliperEnvelope(
      'https://tool.riverbend.example',
      [navigatedTo(facts, resourceFacts(resource))],
      facts.time,
    );
    expect(Object.keys(envelope)).toEqual(['sensor', 'sendTime', 'dataVersion', 'data']);
    expect(envelope.dataVersion).toBe('http://purl.imsglobal.org/ctx/caliper/v1p2');
    expect(envelope.sendTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });
});
