import { z } from 'zod';
import { IsoDateTime, plainText, SafeUrl } from './primitives';
import { Resource } from './resource';

export const CATALOG_SCHEMA_VERSION = 1;

export const Publisher = z.object({ name: plainText(120, 1), url: SafeUrl.optional() }).strict();

/** The envelope alone: checked first and strictly, so that one bad record never rejects the whole feed. */
export const CatalogEnvelope = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(CATALOG_SCHEMA_VERSION, {
      error: () => `schemaVersion must be ${CATALOG_SCHEMA_VERSION}`,
    }),
    publisher: Publisher,
    generatedAt: IsoDateTime,
    /** A sample catalog is labelled as such wherever it is shown. */
    sample: z.boolean().default(false),
    resources: z.array(z.unknown()).max(500_000),
  })
  .strict();

/** The whole feed, as vendors and districts validate it (and as catalog-feed.schema.json describes it). */
export const CatalogFeed = CatalogEnvelope.extend({ resources: z.array(Resource).max(500_000) }).strict();

export type CatalogFeed = z.output<typeof CatalogFeed>;
export type CatalogFeedInput = z.input<typeof CatalogFeed>;
