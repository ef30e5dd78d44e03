import { LmsHost } from '../../shared/model/district-policy';
import { LMS_MATCHES } from '../lms/hosts';

/**
 * Where the extension runs beyond the well-known LMS hosts it declares: the district tool's origin (the tool bridge)
 * and LMS sites on a district's own domain (the LMS script). Each is an optional host permission granted once; a
 * content script is registered at run time for exactly the granted ones, and follows grants, revocations and policy.
 */
export interface RuntimeScript {
  id: string;
  file: string;
  allFrames: boolean;
}

export const TOOL_BRIDGE: RuntimeScript = {
  id: 'tool-bridge',
  file: 'content-scripts/tool-bridge.js',
  allFrames: true,
};
export const CUSTOM_LMS: RuntimeScript = { id: 'lms-custom', file: 'content-scripts/lms.js', allFrames: false };

export const MAX_TEACHER_HOSTS = 20;

export interface SiteAccess {
  /** What the teacher sees: the tool's origin or the LMS host. */
  label: string;
  /** The match pattern asked for and registered. */
  pattern: string;
  granted: boolean;
  source: 'district' | 'teacher';
}

export interface AccessStatus {
  tool?: SiteAccess;
  lmsHosts: SiteAccess[];
}

export interface ScriptApis {
  hasOrigin(pattern: string): Promise<boolean>;
  registered(id: string): Promise<string[] | undefined>;
  register(script: RuntimeScript, matches: string[]): Promise<void>;
  unregister(id: string): Promise<void>;
}

/** `https://tool.district.org/*` for the configured tool origin, or undefined when there is none or it is not a URL. */
export function toolOriginPattern(toolOrigin: string | undefined): string | undefined {
  if (!toolOrigin) return undefined;
  try {
    const url = new URL(toolOrigin);
    return `${url.protocol}//${url.hostname}/*`;
  } catch {
    return undefined;
  }
}

const staticSuffixes = LMS_MATCHES.map((m) => m.replace(/^\*:\/\/\*\./, '').replace(/\/\*$/, ''));

/** Whether the extension's declared LMS hosts already cover a host (its LMS script runs there without a grant). */
export function coveredByDeclaredHosts(host: string): boolean {
  const bare = host.replace(/^\*\./, '');
  return staticSuffixes.some((suffix) => bare === suffix || bare.endsWith(`.${suffix}`));
}

/**
 * A teacher's typed LMS address as a host: `Moodle.District.org`, `https://moodle.district.org/course/view.php?id=3`
 * and `moodle.district.org/` all give `moodle.district.org`. Undefined when it is not a host name.
 */
export function normaliseHost(input: string): string | undefined {
  let text = input.trim().toLowerCase();
  if (text.includes('://')) {
    try {
      text = new URL(text).hostname;
    } catch {
      return undefined;
    }
  }
  text = text.replace(/\/.*$/, '');
  return LmsHost.safeParse(text).success ? text : undefined;
}

export const lmsHostPattern = (host: string) => `https://${host}/*`;

/** Registers `script` for exactly the granted patterns among `wanted`; returns the granted ones. */
export async function syncScript(script: RuntimeScript, wanted: string[], apis: ScriptApis): Promise<Set<string>> {
  const granted = new Set<string>();
  for (const pattern of new Set(wanted)) if (await apis.hasOrigin(pattern)) granted.add(pattern);
  const current = await apis.registered(script.id);
  const same = current !== undefined && current.length === granted.size && current.every((p) => granted.has(p));
  if (same) return granted;
  if (current) await apis.unregister(script.id);
  if (granted.size > 0) await apis.register(script, [...granted]);
  return granted;
}

/** Brings both run-time scripts in line with the policy, the teacher's own hosts and the grants; reports each site. */
export async function syncSiteAccess(
  input: { toolOrigin?: string; districtHosts: readonly string[]; teacherHosts: readonly string[] },
  apis: ScriptApis,
): Promise<AccessStatus> {
  const toolPattern = toolOriginPattern(input.toolOrigin);
  const toolGranted = await syncScript(TOOL_BRIDGE, toolPattern ? [toolPattern] : [], apis);
  const seen = new Set<string>();
  const hosts: Array<{ host: string; source: SiteAccess['source'] }> = [];
  for (const [list, source] of [
    [input.districtHosts, 'district'],
    [input.teacherHosts, 'teacher'],
  ] as const) {
    for (const host of list) {
      if (seen.has(host) || coveredByDeclaredHosts(host)) continue;
      seen.add(host);
      hosts.push({ host, source });
    }
  }
  const lmsGranted = await syncScript(
    CUSTOM_LMS,
    hosts.map((h) => lmsHostPattern(h.host)),
    apis,
  );
  return {
    tool:
      toolPattern && input.toolOrigin
        ? { label: input.toolOrigin, pattern: toolPattern, granted: toolGranted.has(toolPattern), source: 'district' }
        : undefined,
    lmsHosts: hosts.map(({ host, source }) => ({
      label: host,
      pattern: lmsHostPattern(host),
      granted: lmsGranted.has(lmsHostPattern(host)),
      source,
    })),
  };
}

export interface SiteAccessDeps {
  policy(): Promise<{ toolOrigin?: string; lmsHosts: readonly string[] }>;
  /** The hosts a teacher added on the options page (stored locally; the district's come from policy). */
  teacherHosts: { get(): Promise<unknown>; set(hosts: string[]): Promise<void> };
  apis: ScriptApis;
  /** Gives a permission back (when a teacher removes a host they added). */
  revoke(pattern: string): Promise<void>;
}

export type HostChange = { ok: true; status: AccessStatus } | { ok: false; status: AccessStatus; error: string };

/** Site access as the background serves it; calls run one at a time, since registrations must not interleave. */
export function createSiteAccess(deps: SiteAccessDeps) {
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = chain.then(task, task);
    chain = run.catch(() => undefined);
    return run;
  };
  const teacherHosts = async () => {
    const stored = await deps.teacherHosts.get();
    return Array.isArray(stored) ? stored.filter((h): h is string => LmsHost.safeParse(h).success) : [];
  };
  const syncNow = async () => {
    const policy = await deps.policy();
    return syncSiteAccess(
      { toolOrigin: policy.toolOrigin, districtHosts: policy.lmsHosts, teacherHosts: await teacherHosts() },
      deps.apis,
    );
  };

  return {
    sync: () => serial(syncNow),
    addHost: (input: string) =>
      serial(async (): Promise<HostChange> => {
        const host = normaliseHost(input);
        const fail = async (error: string): Promise<HostChange> => ({ ok: false, status: await syncNow(), error });
        if (!host) return fail(`“${input.slice(0, 80)}” is not a host name such as moodle.district.org.`);
        if (coveredByDeclaredHosts(host))
          return fail(`${host} is a well-known LMS host: the extension already runs there.`);
        const hosts = await teacherHosts();
        if (!hosts.includes(host)) {
          if (hosts.length >= MAX_TEACHER_HOSTS) return fail(`You can add up to ${MAX_TEACHER_HOSTS} LMS addresses.`);
          await deps.teacherHosts.set([...hosts, host]);
        }
        return { ok: true, status: await syncNow() };
      }),
    removeHost: (host: string) =>
      serial(async () => {
        const hosts = await teacherHosts();
        if (hosts.includes(host)) {
          await deps.teacherHosts.set(hosts.filter((h) => h !== host));
          const policy = await deps.policy();
          const pattern = lmsHostPattern(host);
          if (!policy.lmsHosts.includes(host) && pattern !== toolOriginPattern(policy.toolOrigin)) {
            // A browser may refuse (a permission it considers required): the host still leaves the registration.
            await deps.revoke(pattern).catch(() => undefined);
          }
        }
        return syncNow();
      }),
  };
}

export type SiteAccessService = ReturnType<typeof createSiteAccess>;

/** The sites the district set (its tool, its LMS domains) that the teacher has not allowed yet. */
export function pendingDistrictSites(status: AccessStatus): SiteAccess[] {
  return [...(status.tool ? [status.tool] : []), ...status.lmsHosts].filter(
    (s) => s.source === 'district' && !s.granted,
  );
}
