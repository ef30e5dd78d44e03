import type { Context, Hono } from 'hono';
import { AppError } from '../../shared/errors';
import { sha256 } from '../lti/random';
import { listCartridge } from './list-cartridge';
import type { ListStore } from './lists';
import type { CatalogStore } from './store';

/** Public district data, read by the extension's background from another origin (no cookies are involved). */
function publicRead(c: Context, etag: string): boolean {
  c.header('access-control-allow-origin', '*');
  c.header('access-control-expose-headers', 'etag');
  c.header('etag', etag);
  c.header('cache-control', 'no-cache');
  return c.req.header('if-none-match') === etag;
}

/**
 * The district catalog as a feed and one resource by id; the published coach lists, and each as a Common Cartridge
 * (LTI links through this tool; `?cc=1.1` for Moodle, `?links=web` for plain links). All ETag-revalidated.
 */
export function registerCatalogRoutes(
  app: Hono,
  deps: { catalog: CatalogStore; lists: ListStore; publicUrl: string },
): void {
  const { catalog, lists } = deps;
  const published = async () => (await lists.all()).filter((l) => l.status === 'published');

  app.get('/api/catalog', async (c) => {
    if (publicRead(c, `"${await catalog.version()}"`)) return c.body(null, 304);
    return c.json(await catalog.feed());
  });
  app.get('/api/catalog/resources/:id', async (c) => {
    const resource = await catalog.get(c.req.param('id'));
    if (!resource) throw new AppError('RESOURCE_NOT_FOUND', `No resource with id ${c.req.param('id')}.`);
    return c.json(resource);
  });
  app.get('/api/lists', async (c) => {
    const body = { lists: await published() };
    const text = JSON.stringify(body);
    if (publicRead(c, `"${sha256(text).slice(0, 32)}"`)) return c.body(null, 304);
    return c.body(text, 200, { 'content-type': 'application/json; charset=utf-8' });
  });
  app.get('/api/lists/:id/cartridge', async (c) => {
    const list = (await published()).find((l) => l.id === c.req.param('id'));
    if (!list) throw new AppError('LIST_NOT_FOUND', `No published list with id ${c.req.param('id')}.`);
    const version = c.req.query('cc') === '1.1' ? '1.1' : '1.3';
    const cartridge = await listCartridge(list, catalog, {
      version,
      publicUrl: deps.publicUrl,
      webLinks: c.req.query('links') === 'web',
    });
    if (cartridge.leftOut.length) {
      c.header('x-left-out', cartridge.leftOut.map((l) => `${l.resourceId} (${l.reason})`).join(', '));
    }
    return c.body(cartridge.bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${list.id}${version === '1.1' ? '-cc11' : ''}.imscc"`,
    });
  });
}
