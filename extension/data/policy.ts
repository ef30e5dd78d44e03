import { type DistrictPolicy, type PolicyProblem, parseDistrictPolicy } from '../../shared/model/district-policy';

export interface PolicyRead {
  policy: DistrictPolicy;
  problems: PolicyProblem[];
  /** `timeout`: the managed store never answered (Chromium can hang, TESTING.md P1); nothing may be pruned then. */
  status: 'ok' | 'none' | 'timeout';
  /** Keys the district set: the UI marks them "set by your district". */
  managedKeys: string[];
}

/**
 * Reads the district's managed policy, racing the call against a timeout because `storage.managed.get()` can stay
 * pending forever (ghostery-extension#3367, w3c/webextensions#547), and Firefox throws when nothing is configured.
 */
export async function readManagedPolicy(
  area: { get(): Promise<Record<string, unknown>> } | undefined,
  timeoutMs = 5000,
): Promise<PolicyRead> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const read = (area ? area.get() : Promise.resolve({})).catch(() => ({}) as Record<string, unknown>);
  const raw = await Promise.race([read, timeout]);
  clearTimeout(timer);
  if (raw === 'timeout') return { ...parseDistrictPolicy({}), status: 'timeout', managedKeys: [] };
  const { policy, problems } = parseDistrictPolicy(raw);
  const managedKeys = Object.keys(raw).filter((k) => !problems.some((p) => p.key === k));
  return { policy, problems, status: managedKeys.length || problems.length ? 'ok' : 'none', managedKeys };
}
