import type { Resource } from '../../shared/model/resource';
import type { Launch } from '../lti/launch';

export type ContentItem = Record<string, unknown> & { type: 'ltiResourceLink' | 'link'; url: string };

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * One content item per chosen resource, shaped for what this platform accepts (lti.md a5 and d):
 * - `ltiResourceLink` whose `url` is our registered launch URL without a query (Blackboard: "Invalid redirect_url"
 *   with a query; D2L prefers the launch URL), identity in `custom` as flat lower-case strings (Canvas drops
 *   non-scalars, Schoology lower-cases keys, Moodle flattens to key=value), always a `url` (Blackboard);
 * - `link` to our redirect where only plain links are accepted, so that even those go through the tool;
 * - `window` or `iframe` only if the platform accepts that target, and by what the resource allows.
 */
export function contentItemsFor(
  launch: Launch,
  resources: readonly Resource[],
  publicUrl: string,
  listId?: string,
): ContentItem[] {
  const settings = launch.deepLinking!;
  const useLti = settings.acceptTypes.includes('ltiResourceLink');
  const targets = settings.acceptPresentationDocumentTargets;
  return resources.map((resource) => {
    const base = { title: clip(resource.title, 255), text: clip(resource.description, 1000) };
    if (!useLti) return { type: 'link', url: `${publicUrl}/r/${encodeURIComponent(resource.id)}`, ...base };
    const custom: Record<string, string> = { resource_id: resource.id };
    if (listId) custom.list_id = listId;
    const item: ContentItem = { type: 'ltiResourceLink', url: `${publicUrl}/lti/launch`, ...base, custom };
    if (resource.media?.iconUrl) item.icon = { url: resource.media.iconUrl };
    if (resource.media?.thumbnailUrl) item.thumbnail = { url: resource.media.thumbnailUrl };
    if (resource.launch.presentation === 'window' && targets.includes('window')) {
      item.window = { targetName: 'resource' };
    } else if (resource.launch.presentation === 'iframe' && (targets.includes('iframe') || targets.includes('frame'))) {
      item.iframe = { width: 1000, height: 700 };
    }
    return item;
  });
}
