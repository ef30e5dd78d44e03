import { randomUUID } from 'node:crypto';
import type { Context, Hono } from 'hono';
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import type { Resource } from '../../shared/model/resource';
import type { Analytics } from '../analytics/usage-events';
import type { CatalogStore } from '../catalog/store';
import type { Database } from '../db/schema';
import { html, page } from '../http/html';
import type { Launch } from '../lti/launch';

export interface ResourceLaunchDeps {
  db: Kysely<Database>;
  analytics: Analytics;
  catalog: CatalogStore;
  now: () => number;
  publicUrl: string;
}

type Outcome = 'redirect' | 'window' | 'retired' | 'not_found';

/**
 * Every inserted link launches through here: the catalog decides where it goes now (so a district can re-point or
 * retire a resource once and every course follows), and the launch is counted for usage reports with resource,
 * course context, role class and time only: no names, no emails.
 */
export function createResourceLauncher(deps: ResourceLaunchDeps) {
  async function record(resourceId: string, outcome: Outcome, launch?: Launch) {
    await deps.db
      .insertInto('launches')
      .values({
        id: randomUUID(),
        resource_id: resourceId.slice(0, 80),
        issuer: launch?.issuer ?? '',
        deployment_id: launch?.deploymentId ?? '',
        context_id: launch?.context?.id ?? null,
        role_class: launch?.roleClass ?? 'other',
        outcome,
        at: deps.now(),
      })
      .execute();
  }

  async function retiredPage(c: Context, resource: Resource) {
    const replacement = resource.retirement?.replacementId
      ? await deps.catalog.get(resource.retirement.replacementId)
      : undefined;
    const usable = replacement?.status === 'active' ? replacement : undefined;
    if ((c.req.header('accept') ?? '').includes('application/json')) {
      return c.json(
        {
          error: 'RESOURCE_RETIRED',
          message: resource.retirement?.reason ?? 'retired',
          replacement: usable?.id ?? null,
        },
        410,
      );
    }
    return c.html(
      page({
        title: 'This resource has been retired',
        body: html`<h1>“${resource.title}” has been retired</h1>
<p>Your district retired this resource${resource.retirement ? html` on ${resource.retirement.retiredAt.slice(0, 10)}` : ''}: ${resource.retirement?.reason ?? ''}</p>
${usable ? html`<p class="advice">Use the replacement your district chose: <a href="${`${deps.publicUrl}/r/${encodeURIComponent(usable.id)}`}" target="_blank" rel="noopener">${usable.title}</a>.</p>` : html`<p class="advice">Tell your teacher; they can choose another resource.</p>`}
<p>Error code: <code>RESOURCE_RETIRED</code></p>`,
      }),
      410,
    );
  }

  async function open(c: Context, id: string | undefined, launch?: Launch): Promise<Response> {
    if (!id)
      throw new AppError('RESOURCE_NOT_FOUND', 'This link does not name a resource (custom resource_id is missing).');
    const resource = await deps.catalog.get(id);
    if (!resource) {
      await record(id, 'not_found', launch);
      throw new AppError('RESOURCE_NOT_FOUND', `The district catalog has no resource "${id}".`);
    }
    if (resource.status === 'retired') {
      await record(id, 'retired', launch);
      return retiredPage(c, resource);
    }
    const framed = launch?.documentTarget === 'iframe' || launch?.documentTarget === 'frame';
    if (resource.launch.presentation === 'window' && framed) {
      // The provider refuses to be framed: offer a new window instead of a blank frame.
      await record(id, 'window', launch);
      if (launch) await deps.analytics.launched(launch, resource);
      return c.html(
        page({
          title: resource.title,
          body: html`<h1>${resource.title}</h1>
<p>${resource.provider.name} opens in its own window.</p>
<p><a href="${resource.url}" target="_blank" rel="noopener" id="open">Open ${resource.title} in a new window</a></p>`,
        }),
      );
    }
    await record(id, 'redirect', launch);
    if (launch) await deps.analytics.launched(launch, resource);
    return c.redirect(resource.url, 302);
  }

  return {
    /** After a verified resource-link launch. */
    launch: (c: Context, launch: Launch) => open(c, launch.custom.resource_id, launch),
    /** Plain-link items (platforms that accept only `link`) come through this redirect too. */
    register(app: Hono) {
      app.get('/r/:id', (c) => open(c, c.req.param('id')));
    },
    async usage(): Promise<Array<{ resource_id: string; role_class: string; outcome: string; launches: number }>> {
      const rows = await deps.db
        .selectFrom('launches')
        .select(['resource_id', 'role_class', 'outcome', (eb) => eb.fn.countAll<number>().as('launches')])
        .groupBy(['resource_id', 'role_class', 'outcome'])
        .orderBy('resource_id')
        .execute();
      return rows.map((r) => ({ ...r, launches: Number(r.launches) }));
    },
  };
}
