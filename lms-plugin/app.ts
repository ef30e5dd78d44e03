import type { Context } from 'hono';
import { Hono } from 'hono';
import { AppError } from '../shared/errors';
import { createCaliperSensor } from './analytics/caliper-sensor';
import { caliperAnalytics, NO_ANALYTICS } from './analytics/usage-events';
import { createListStore } from './catalog/lists';
import { registerCatalogRoutes } from './catalog/routes';
import { createCatalogSearch } from './catalog/search';
import { createCatalogStore } from './catalog/store';
import type { Config } from './config';
import type { Store } from './db/connect';
import { errorResponse } from './http/errors';
import { createResourceLauncher } from './launches/resource-launch';
import type { Logger } from './log';
import type { Launch } from './lti/launch';
import { createPlatformKeys, type PlatformKeys } from './lti/platform-keys';
import { createRegistrationCodes } from './lti/registration-codes';
import { registerRegistrationRoutes } from './lti/registration-routes';
import { createRegistry } from './lti/registrations';
import { DEEP_LINK_PATH, LAUNCH_PATH, registerLtiRoutes } from './lti/routes';
import { createSessions } from './lti/sessions';
import { createToolKeys } from './lti/tool-keys';
import { registerPicker } from './picker/routes';

export const USER_AGENT = 'iste-resource-suggestions-tool/0.1 (+LTI 1.3)';

export interface ToolDeps {
  store: Store;
  config: Pick<Config, 'publicUrl' | 'keyGraceDays' | 'caliperEndpoint' | 'caliperToken'>;
  log: Logger;
  now?: () => number;
  /** Outbound HTTP (platform key sets); injectable so tests can count fetches. */
  fetch?: typeof fetch;
  platformKeys?: PlatformKeys;
  /** A feed to import when the catalog is empty (the bundled sample catalog by default). */
  seedCatalog?: unknown;
  /** Coach lists to import when there are none (the sample lists by default). */
  seedLists?: unknown;
}

/** Composes the tool: storage-backed services, LTI routes, and the one error mapping. */
export async function createTool(deps: ToolDeps) {
  const now = deps.now ?? Date.now;
  const { db } = deps.store;
  const publicUrl = deps.config.publicUrl;
  const registry = createRegistry(db, now);
  const toolKeys = createToolKeys(db, now);
  await toolKeys.ensure();
  const sessions = createSessions(db, now);
  const catalog = createCatalogStore(db, now);
  if (deps.seedCatalog && (await catalog.count()) === 0) {
    const report = await catalog.import(deps.seedCatalog);
    deps.log.info('catalog seeded', { imported: report.imported, skipped: report.skipped });
  }
  const lists = createListStore(db);
  if (deps.seedLists && (await lists.all()).length === 0) await lists.import(deps.seedLists);
  const search = createCatalogSearch(catalog);
  const caliper = deps.config.caliperEndpoint
    ? createCaliperSensor({
        db,
        endpoint: deps.config.caliperEndpoint,
        token: deps.config.caliperToken,
        sensorId: publicUrl,
        fetch: deps.fetch ?? fetch,
        userAgent: USER_AGENT,
        now,
        log: deps.log,
      })
    : undefined;
  const analytics = caliper ? caliperAnalytics(caliper, publicUrl, now) : NO_ANALYTICS;
  const launcher = createResourceLauncher({ db, catalog, now, publicUrl, analytics });
  const platformKeys = deps.platformKeys ?? createPlatformKeys({ fetch: deps.fetch, now, userAgent: USER_AGENT });

  const app = new Hono();
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    c.header('x-content-type-options', 'nosniff');
    if (c.req.path !== '/healthz') {
      deps.log.info('request', {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      });
    }
  });
  app.get('/healthz', async (c) => {
    await db.selectFrom('tool_keys').select('kid').limit(1).execute();
    return c.json({ ok: true, engine: deps.store.engine });
  });

  registerCatalogRoutes(app, { catalog, lists, publicUrl });
  const registrationCodes = createRegistrationCodes(db, now);
  registerRegistrationRoutes(app, {
    codes: registrationCodes,
    registry,
    publicUrl,
    fetch: deps.fetch ?? fetch,
    userAgent: USER_AGENT,
    log: deps.log,
  });
  launcher.register(app);
  const picker = registerPicker(app, {
    catalog,
    search,
    lists,
    sessions,
    toolKeys,
    publicUrl,
    now,
    log: deps.log,
    analytics,
  });
  registerLtiRoutes(app, {
    db,
    registry,
    platformKeys,
    sessions,
    toolKeys,
    now,
    publicUrl,
    log: deps.log,
    redirectUris: [`${publicUrl}${LAUNCH_PATH}`, `${publicUrl}${DEEP_LINK_PATH}`],
    afterLaunch: (c: Context, launch: Launch, session: string) =>
      launch.messageType === 'LtiDeepLinkingRequest'
        ? picker.renderPicker(c, launch, session)
        : launcher.launch(c, launch),
  });

  app.notFound(() => {
    throw new AppError('NOT_FOUND');
  });
  app.onError((error, c) => errorResponse(error, c, deps.log));
  return { app, caliper, registry, registrationCodes, toolKeys, sessions, platformKeys, catalog, lists, launcher, now };
}

export type Tool = Awaited<ReturnType<typeof createTool>>;
