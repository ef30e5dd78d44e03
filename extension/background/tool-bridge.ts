import type { DistrictPolicy } from '../../shared/model/district-policy';

export const TOOL_BRIDGE_ID = 'tool-bridge';
export const TOOL_BRIDGE_FILE = 'content-scripts/tool-bridge.js';

/** `https://tool.district.org/*` for the configured tool origin, or undefined when there is none or it is not a URL. */
export function toolOriginPattern(policy: Pick<DistrictPolicy, 'toolOrigin'>): string | undefined {
  if (!policy.toolOrigin) return undefined;
  try {
    const url = new URL(policy.toolOrigin);
    return `${url.protocol}//${url.hostname}/*`;
  } catch {
    return undefined;
  }
}

export interface BridgeApis {
  hasOrigin(pattern: string): Promise<boolean>;
  registered(): Promise<string[] | undefined>;
  register(matches: string[]): Promise<void>;
  unregister(): Promise<void>;
}

/**
 * Keeps the tool-bridge content script registered for exactly the tool origin the district configured, once the
 * teacher has granted that origin (an optional host permission, asked for on the options page).
 */
export async function syncToolBridge(
  policy: Pick<DistrictPolicy, 'toolOrigin'>,
  apis: BridgeApis,
): Promise<'registered' | 'needs-permission' | 'none'> {
  const pattern = toolOriginPattern(policy);
  const current = await apis.registered();
  if (!pattern) {
    if (current) await apis.unregister();
    return 'none';
  }
  if (!(await apis.hasOrigin(pattern))) {
    if (current) await apis.unregister();
    return 'needs-permission';
  }
  if (current?.length === 1 && current[0] === pattern) return 'registered';
  if (current) await apis.unregister();
  await apis.register([pattern]);
  return 'registered';
}
