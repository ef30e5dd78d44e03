import type { Kysely } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { isSecureUrl } from '../../shared/model/primitives';
import type { Database, PlatformTable } from '../db/schema';

const platformUrl = (name: string) =>
  z.string().refine(isSecureUrl, `${name} must be an https URL (http only on loopback hosts: 127.0.0.0/8, localhost)`);

export const PlatformInput = z.object({
  issuer: z.string().min(1).refine(isSecureUrl, 'issuer must be an https URL (http only on loopback hosts)'),
  clientId: z.string().min(1).max(255),
  authUrl: platformUrl('auth-url'),
  jwksUrl: platformUrl('jwks-url'),
  tokenUrl: platformUrl('token-url'),
  deploymentIds: z.array(z.string().min(1).max(255)).default([]),
  autoBindDeployments: z.boolean().default(false),
  platformHosts: z.array(z.string().regex(/^[a-z0-9.-]+(:\d+)?$/i, 'platform-host must be a host name')).default([]),
  label: z.string().max(120).optional(),
});
export type PlatformInput = z.input<typeof PlatformInput>;

export interface Platform {
  issuer: string;
  clientId: string;
  authUrl: string;
  jwksUrl: string;
  tokenUrl: string;
  autoBindDeployments: boolean;
  platformHosts: string[];
  label?: string;
}

const toPlatform = (row: PlatformTable): Platform => ({
  issuer: row.issuer,
  clientId: row.client_id,
  authUrl: row.auth_url,
  jwksUrl: row.jwks_url,
  tokenUrl: row.token_url,
  autoBindDeployments: row.auto_bind_deployments === 1,
  platformHosts: JSON.parse(row.platform_hosts) as string[],
  label: row.label ?? undefined,
});

/**
 * Registrations live in the database and are read on every request, so `platform add` takes effect on the next
 * launch without a restart, on every instance.
 */
export function createRegistry(db: Kysely<Database>, now: () => number) {
  return {
    async add(input: PlatformInput): Promise<Platform> {
      const parsed = PlatformInput.safeParse(input);
      if (!parsed.success) {
        throw new AppError('REGISTRATION_INVALID', parsed.error.issues.map((i) => i.message).join('; '));
      }
      const p = parsed.data;
      const row = {
        issuer: p.issuer,
        client_id: p.clientId,
        auth_url: p.authUrl,
        jwks_url: p.jwksUrl,
        token_url: p.tokenUrl,
        auto_bind_deployments: p.autoBindDeployments ? 1 : 0,
        platform_hosts: JSON.stringify(p.platformHosts.map((h) => h.toLowerCase())),
        label: p.label ?? null,
      };
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('platforms')
          .values({ ...row, created_at: now() })
          .onConflict((oc) => oc.columns(['issuer', 'client_id']).doUpdateSet(row))
          .execute();
        for (const deploymentId of p.deploymentIds) {
          await tx
            .insertInto('deployments')
            .values({
              issuer: p.issuer,
              client_id: p.clientId,
              deployment_id: deploymentId,
              auto_bound: 0,
              created_at: now(),
            })
            .onConflict((oc) => oc.doNothing())
            .execute();
        }
      });
      return (await this.find(p.issuer, p.clientId))!;
    },

    async list(): Promise<Array<Platform & { deploymentIds: string[] }>> {
      const rows = await db.selectFrom('platforms').selectAll().orderBy('issuer').orderBy('client_id').execute();
      const deployments = await db.selectFrom('deployments').selectAll().execute();
      return rows.map((row) => ({
        ...toPlatform(row),
        deploymentIds: deployments
          .filter((d) => d.issuer === row.issuer && d.client_id === row.client_id)
          .map((d) => d.deployment_id),
      }));
    },

    async remove(issuer: string, clientId: string): Promise<boolean> {
      return db.transaction().execute(async (tx) => {
        await tx.deleteFrom('deployments').where('issuer', '=', issuer).where('client_id', '=', clientId).execute();
        const result = await tx
          .deleteFrom('platforms')
          .where('issuer', '=', issuer)
          .where('client_id', '=', clientId)
          .executeTakeFirst();
        return Number(result.numDeletedRows) > 0;
      });
    },

    async find(issuer: string, clientId: string): Promise<Platform | undefined> {
      const row = await db
        .selectFrom('platforms')
        .selectAll()
        .where('issuer', '=', issuer)
        .where('client_id', '=', clientId)
        .executeTakeFirst();
      return row && toPlatform(row);
    },

    async findByIssuer(issuer: string): Promise<Platform[]> {
      const rows = await db.selectFrom('platforms').selectAll().where('issuer', '=', issuer).execute();
      return rows.map(toPlatform);
    },

    async hasDeployment(platform: Platform, deploymentId: string): Promise<boolean> {
      const row = await db
        .selectFrom('deployments')
        .select('deployment_id')
        .where('issuer', '=', platform.issuer)
        .where('client_id', '=', platform.clientId)
        .where('deployment_id', '=', deploymentId)
        .executeTakeFirst();
      return Boolean(row);
    },

    async bindDeployment(platform: Platform, deploymentId: string): Promise<void> {
      await db
        .insertInto('deployments')
        .values({
          issuer: platform.issuer,
          client_id: platform.clientId,
          deployment_id: deploymentId,
          auto_bound: 1,
          created_at: now(),
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
  };
}

export type Registry = ReturnType<typeof createRegistry>;
