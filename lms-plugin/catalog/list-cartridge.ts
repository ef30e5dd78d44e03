import { buildCartridge, type CartridgeVersion } from '../../shared/cartridge/thin-cc';
import type { CuratedList } from '../../shared/model/curated-list';
import type { Resource } from '../../shared/model/resource';
import { LAUNCH_PATH } from '../lti/routes';
import type { CatalogStore } from './store';

export interface ListCartridge {
  bytes: Uint8Array;
  included: number;
  /** Items not exported, with why: a retired resource or one the catalog does not hold. */
  leftOut: Array<{ resourceId: string; reason: 'retired' | 'not in the catalog' }>;
}

/**
 * A coach list as a Common Cartridge: LTI links that launch through this tool (so retiring a resource reaches every
 * course that imported it), or plain web links. Only active resources go in.
 */
export async function listCartridge(
  list: CuratedList,
  catalog: Pick<CatalogStore, 'get'>,
  options: { version: CartridgeVersion; publicUrl: string; webLinks?: boolean },
): Promise<ListCartridge> {
  const resources: Resource[] = [];
  const leftOut: ListCartridge['leftOut'] = [];
  for (const item of list.items) {
    const resource = await catalog.get(item.resourceId);
    if (!resource) leftOut.push({ resourceId: item.resourceId, reason: 'not in the catalog' });
    else if (resource.status !== 'active') leftOut.push({ resourceId: item.resourceId, reason: 'retired' });
    else resources.push(resource);
  }
  const bytes = buildCartridge({
    title: list.title,
    description: list.description,
    resources,
    version: options.version,
    tool: options.webLinks
      ? undefined
      : {
          launchUrl: `${options.publicUrl}${LAUNCH_PATH}`,
          vendorCode: new URL(options.publicUrl).host,
          vendorName: list.owner.name,
        },
    date: list.updatedAt,
  });
  return { bytes, included: resources.length, leftOut };
}
