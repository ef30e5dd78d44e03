import { z } from 'zod';
import { Certification, IsteAlignment } from '../model/claims';
import { CatalogFeed } from '../model/feed';
import { CERTIFICATION_STANDARDS } from '../standards/certifications';
import { ISTE_SET_VERSIONS } from '../standards/iste';

export const CATALOG_SCHEMA_ID = 'https://github.com/iste-lti-suggestions/schema/catalog-feed.schema.json';

type JsonSchema = Record<string, unknown>;

/** The wild spellings of one set-version's codes, as one ECMA-262 pattern (`1.2c`, `ISTE.1.2.c`, `1.2`). */
function isteCodePattern(data: (typeof ISTE_SET_VERSIONS)[number]): string {
  const standards = data.standards
    .map(
      (s) =>
        `${s.number}(?:\\.?[${s.indicators.map((i) => i.letter).join('')}${s.indicators.map((i) => i.letter.toUpperCase()).join('')}])?`,
    )
    .join('|');
  return `^(?:[Ii][Ss][Tt][Ee](?:[\\s._:-]*[SsEeLlCc](?=[\\s._:-]))?[\\s._:-]*)?${data.prefix}\\.(?:${standards})$`;
}

/**
 * JSON Schema (2020-12) of the catalog feed, generated from the zod schema that the product itself uses, so districts
 * and vendors can validate feeds with their own tools. zod refinements that JSON Schema cannot express from the zod
 * side are written out here: which ISTE codes exist in each set and version, and which versions and roles each
 * 1EdTech standard has. What JSON Schema cannot say at all (ids unique across records) only `catalog validate` checks.
 */
export function catalogFeedJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(CatalogFeed, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const json = ctx.jsonSchema as JsonSchema;
      if (ctx.zodSchema === IsteAlignment) {
        const base = { ...json };
        const properties = base.properties as Record<string, JsonSchema>;
        for (const key of Object.keys(json)) delete json[key];
        Object.assign(json, {
          ...base,
          oneOf: ISTE_SET_VERSIONS.map((data) => ({
            properties: {
              set: { const: data.set },
              version: { const: data.version },
              code: { ...properties.code, pattern: isteCodePattern(data) },
            },
          })),
        });
      }
      if (ctx.zodSchema === Certification) {
        json.oneOf = Object.entries(CERTIFICATION_STANDARDS).map(([id, data]) => ({
          properties: {
            standard: { const: id },
            version: { enum: [...data.versions] },
            role: { enum: [...data.roles] },
            ...('designations' in data ? { designation: { enum: [...data.designations] } } : {}),
          },
        }));
      }
    },
  }) as JsonSchema;
  return {
    $schema: schema.$schema,
    $id: CATALOG_SCHEMA_ID,
    title: 'Catalog feed of standards-tagged resources',
    description:
      'A versioned catalog of resources with ISTE Standards alignments and 1EdTech certifications, each claim with its provenance. Generated from shared/model; do not edit by hand.',
    ...schema,
  };
}

/** Stable text form: what is committed as shared/catalog/catalog-feed.schema.json. */
export const catalogFeedJsonSchemaText = (): string => `${JSON.stringify(catalogFeedJsonSchema(), null, 2)}\n`;
