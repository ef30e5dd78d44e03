import { z } from 'zod';
import { AppError } from '../shared/errors';
import { isSecureUrl } from '../shared/model/primitives';

export const DEFAULT_DATABASE_URL = 'sqlite:./data/tool.db';

const ConfigSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  /** The origin (and optional path prefix) platforms and browsers reach the tool at. */
  publicUrl: z.string().refine(isSecureUrl, 'PUBLIC_URL must be https (http only on localhost)').optional(),
  databaseUrl: z.string().min(1).default(DEFAULT_DATABASE_URL),
  /** How long a retired tool key stays published after `keys rotate`. */
  keyGraceDays: z.coerce.number().min(0).max(365).default(7),
  /** Where `npm run tool -- catalog import` defaults from and what an empty database starts with. */
  seedSampleCatalog: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Caliper 1.2 endpoint for usage events (opt-in: nothing is sent without it), and its bearer token. */
  caliperEndpoint: z.string().refine(isSecureUrl, 'CALIPER_ENDPOINT must be https (http only on localhost)').optional(),
  caliperToken: z.string().min(1).max(4096).optional(),
});

export interface Config {
  port: number;
  publicUrl: string;
  databaseUrl: string;
  keyGraceDays: number;
  seedSampleCatalog: boolean;
  caliperEndpoint?: string;
  caliperToken?: string;
}

/** Reads configuration from flags (which win) and environment variables. The only reader of process.env. */
export function loadConfig(flags: Record<string, string | undefined>, env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse({
    port: flags.port ?? env.PORT,
    publicUrl: flags['public-url'] ?? env.PUBLIC_URL,
    databaseUrl: flags['database-url'] ?? env.DATABASE_URL,
    keyGraceDays: flags['key-grace-days'] ?? env.KEY_GRACE_DAYS,
    seedSampleCatalog: flags['seed-sample-catalog'] ?? env.SEED_SAMPLE_CATALOG,
    caliperEndpoint: flags['caliper-endpoint'] ?? env.CALIPER_ENDPOINT,
    caliperToken: env.CALIPER_TOKEN,
  });
  if (!parsed.success) {
    throw new AppError(
      'CONFIG_INVALID',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  }
  const { publicUrl, ...rest } = parsed.data;
  return { ...rest, publicUrl: (publicUrl ?? `http://127.0.0.1:${rest.port}`).replace(/\/$/, '') };
}
