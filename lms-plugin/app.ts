import { Hono } from 'hono';
import { AppError, ERROR_SPECS, isAppError } from '../shared/errors';
import type { CatalogFeed } from '../shared/model/feed';

export interface AppDeps {
  catalog: () => CatalogFeed;
}

/** The tool's HTTP surface. Every AppError becomes a response here, and only here. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/api/catalog', (c) => c.json(deps.catalog()));
  app.notFound(() => {
    throw new AppError('NOT_FOUND');
  });
  app.onError((error, c) => {
    const appError = isAppError(error) ? error : undefined;
    if (!appError) {
      console.error(error);
      return c.json({ error: 'INTERNAL', message: 'Something went wrong.' }, 500);
    }
    const spec = ERROR_SPECS[appError.code];
    return c.json({ error: appError.code, message: appError.message, advice: spec.advice }, appError.status as 400);
  });
  return app;
}
