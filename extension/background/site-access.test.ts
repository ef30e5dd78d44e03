import { describe, expect, it } from 'vitest';
import {
  CUSTOM_LMS,
  coveredByDeclaredHosts,
  createSiteAccess,
  MAX_TEACHER_HOSTS,
  normaliseHost,
  pendingDistrictSites,
  type ScriptApis,
  syncSiteAccess,
  TOOL_BRIDGE,
  toolOriginPattern,
} from './site-access';

/** The browser's grants and registered scripts, in memory. */
function browserState(granted: string[], registered: Record<string, string[]> = {}) {
  const calls: string[] = [];
  const grants = new Set(granted);
  const scripts = new Map(Object.entries(registered));
  const apis: ScriptApis = {
    hasOrigin: async (pattern) => grants.has(pattern),
    registered: async (id) => scripts.get(id),
    register: async (script, matches) => {
      if (scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
      calls.push(`register ${script.id} ${matches.join(',')}`);
      scripts.set(script.id, matches);
    },
    unregister: async (id) => {
      calls.push(`unregister ${id}`);
      scripts.delete(id);
    },
  };
  return { apis, calls, grants, scripts };
}

describe('site access: hosts', () => {
  it('derives the tool pattern from its origin, without port or path', () => {
    expect(toolOriginPattern('https://tool.district.example:8443/path')).toBe('https://tool.district.example/*');
    expect(toolOriginPattern(undefined)).toBeUndefined();
    expect(toolOriginPattern('not a url')).toBeUndefined();
  });

  it('reads what teachers type as a host, and refuses what is not one', () => {
    expect(normaliseHost('  Moodle.District.org ')).toBe('moodle.district.org');
    expect(normaliseHost('https://moodle.district.org/course/view.php?id=3')).toBe('moodle.district.org');
    expect(normaliseHost('moodle.district.org/my/')).toBe('moodle.district.org');
    expect(normaliseHost('*.district.org')).toBe('*.district.org');
    for (const bad of ['', 'moodle', 'javascript:alert(1)', 'moodle district.org', 'a.*.org', 'ftp://']) {
      expect(normaliseHost(bad), bad).toBeUndefined();
    }
  });

  it('knows the hosts its manifest already declares', () => {
    expect(coveredByDeclaredHosts('riverbend.instructure.com')).toBe(true);
    expect(coveredByDeclaredHosts('*.moodlecloud.com')).toBe(true);
    expect(coveredByDeclaredHosts('moodle.riverbend.k12.us')).toBe(false);
    expect(coveredByDeclaredHosts('notinstructure.com')).toBe(false);
  });
});

describe('site access: registrations', () => {
  const input = {
    toolOrigin: 'https://tool.district.org',
    districtHosts: ['moodle.district.org', 'riverbend.instructure.com'],
    teacherHosts: ['canvas.district.org', 'moodle.district.org'],
  };

  it('registers each script for the granted sites only, and skips hosts the manifest covers', async () => {
    const b = browserState(['https://moodle.district.org/*']);
    const status = await syncSiteAccess(input, b.apis);
    expect(b.calls).toEqual([`register ${CUSTOM_LMS.id} https://moodle.district.org/*`]);
    expect(status.tool).toEqual({
      label: 'https://tool.district.org',
      pattern: 'https://tool.district.org/*',
      granted: false,
      source: 'district',
    });
    expect(status.lmsHosts.map((s) => [s.label, s.source, s.granted])).toEqual([
      ['moodle.district.org', 'district', true],
      ['canvas.district.org', 'teacher', false],
    ]);
  });

  it('follows grants and revocations, and leaves a matching registration alone', async () => {
    const b = browserState([]);
    await syncSiteAccess(input, b.apis);
    expect(b.calls).toEqual([]);
    b.grants.add('https://tool.district.org/*');
    b.grants.add('https://canvas.district.org/*');
    await syncSiteAccess(input, b.apis);
    expect(b.scripts.get(TOOL_BRIDGE.id)).toEqual(['https://tool.district.org/*']);
    expect(b.scripts.get(CUSTOM_LMS.id)).toEqual(['https://canvas.district.org/*']);
    const before = b.calls.length;
    await syncSiteAccess(input, b.apis);
    expect(b.calls).toHaveLength(before);
    b.grants.delete('https://canvas.district.org/*');
    await syncSiteAccess(input, b.apis);
    expect(b.scripts.has(CUSTOM_LMS.id)).toBe(false);
    await syncSiteAccess({ districtHosts: [], teacherHosts: [] }, b.apis);
    expect(b.scripts.size).toBe(0);
  });
});

describe('site access: the service', () => {
  function service(granted: string[], stored: unknown = [], refuseRevoke?: () => never) {
    const b = browserState(granted);
    let hosts = stored;
    const revoked: string[] = [];
    const access = createSiteAccess({
      policy: async () => ({ toolOrigin: 'https://tool.district.org', lmsHosts: ['moodle.district.org'] }),
      teacherHosts: {
        get: async () => hosts,
        set: async (h) => {
          hosts = h;
        },
      },
      apis: b.apis,
      revoke: async (pattern) => {
        refuseRevoke?.();
        revoked.push(pattern);
        b.grants.delete(pattern);
      },
    });
    return { access, b, revoked, hosts: () => hosts };
  }

  it('adds a teacher’s host once, and registers it when granted', async () => {
    const s = service(['https://canvas.district.org/*']);
    const change = await s.access.addHost('https://Canvas.district.org/courses/12');
    expect(change.ok).toBe(true);
    expect(s.hosts()).toEqual(['canvas.district.org']);
    expect(s.b.scripts.get(CUSTOM_LMS.id)).toEqual(['https://canvas.district.org/*']);
    await s.access.addHost('canvas.district.org');
    expect(s.hosts()).toEqual(['canvas.district.org']);
  });

  it('refuses what is not a host, a declared host, and more than the limit, keeping the list', async () => {
    const full = Array.from({ length: MAX_TEACHER_HOSTS }, (_, i) => `lms${i}.district.org`);
    const s = service([], full);
    const bad = await s.access.addHost('not a host');
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('not a host name') });
    expect(await s.access.addHost('riverbend.instructure.com')).toMatchObject({
      ok: false,
      error: expect.stringContaining('already runs there'),
    });
    expect(await s.access.addHost('one-more.district.org')).toMatchObject({ ok: false });
    expect(s.hosts()).toEqual(full);
  });

  it('ignores a corrupt stored list rather than failing', async () => {
    const s = service([], ['ok.district.org', 42, 'javascript:', { host: 'x' }]);
    const status = await s.access.sync();
    expect(status.lmsHosts.map((h) => h.label)).toEqual(['moodle.district.org', 'ok.district.org']);
    expect((await service([], 'not a list').access.sync()).lmsHosts).toHaveLength(1);
  });

  it('removing a teacher’s host gives its grant back, but never a district host’s', async () => {
    const s = service(['https://canvas.district.org/*', 'https://moodle.district.org/*'], ['canvas.district.org']);
    await s.access.sync();
    const status = await s.access.removeHost('canvas.district.org');
    expect(s.revoked).toEqual(['https://canvas.district.org/*']);
    expect(status.lmsHosts.map((h) => h.label)).toEqual(['moodle.district.org']);
    expect(s.b.scripts.get(CUSTOM_LMS.id)).toEqual(['https://moodle.district.org/*']);
    await s.access.removeHost('moodle.district.org');
    expect(s.revoked).toHaveLength(1);
  });

  it('still drops a removed host from the registration when the browser refuses to give the grant back', async () => {
    const s = service(['https://canvas.district.org/*'], ['canvas.district.org'], () => {
      throw new Error('You cannot remove required permissions.');
    });
    await s.access.sync();
    expect(s.b.scripts.get(CUSTOM_LMS.id)).toEqual(['https://canvas.district.org/*']);
    const status = await s.access.removeHost('canvas.district.org');
    expect(status.lmsHosts.map((h) => h.label)).toEqual(['moodle.district.org']);
    expect(s.b.scripts.has(CUSTOM_LMS.id)).toBe(false);
  });

  it('runs concurrent calls one at a time, so registrations never collide', async () => {
    const s = service(['https://tool.district.org/*', 'https://moodle.district.org/*']);
    await Promise.all([s.access.sync(), s.access.sync(), s.access.addHost('a.district.org'), s.access.sync()]);
    expect(s.b.scripts.get(TOOL_BRIDGE.id)).toEqual(['https://tool.district.org/*']);
    expect(s.b.scripts.get(CUSTOM_LMS.id)).toEqual(['https://moodle.district.org/*']);
  });
});

describe('site access: what waits for the teacher', () => {
  it('lists the district sites not yet allowed, never the teacher’s own', async () => {
    const b = browserState(['https://moodle.district.org/*']);
    const status = await syncSiteAccess(
      {
        toolOrigin: 'https://tool.district.org',
        districtHosts: ['moodle.district.org', 'bb.district.org'],
        teacherHosts: ['mine.district.org'],
      },
      b.apis,
    );
    expect(pendingDistrictSites(status).map((s) => s.label)).toEqual(['https://tool.district.org', 'bb.district.org']);
    b.grants.add('https://tool.district.org/*');
    b.grants.add('https://bb.district.org/*');
    const later = await syncSiteAccess(
      {
        toolOrigin: 'https://tool.district.org',
        districtHosts: ['moodle.district.org', 'bb.district.org'],
        teacherHosts: ['mine.district.org'],
      },
      b.apis,
    );
    expect(pendingDistrictSites(later)).toEqual([]);
  });
});
