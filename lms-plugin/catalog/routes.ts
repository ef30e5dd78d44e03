import type { Hono } from 'hono';
import { AppError } from '../../shared/errors';
import type { CatalogStore } from './store';

/** The district catalog as a feed (ETag-revalidated by the extension) and one resource by id. */
export function registerCatalogRoutes(app: Hono, catalog: CatalogStore): void {
  app.get('/api/catalog', async (c) => {
    // Public district data, read by the extension's background from another origin (no cookies are involved).
    c.header('access-control-allow-origin', '*');
    c.header('access-control-expose-headers', 'etag');
    const etag = `"${await catalog.version()}"`;
    c.header('etag', etag);
    c.header('cache-control', 'no-cache');
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    return c.json(await catalog.feed());
  });
  app.get('/api/catalog/resources/:id', async (c) => {
    const resource = await catalog.get(c.req.param('id'));
    if (!resource) throw new AppError('RESOURCE_NOT_FOUND', `No resource with id ${c.req.param('id')}.`);
    return c.json(resource);
  });
}
