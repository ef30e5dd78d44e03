import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { CatalogFeed } from '../shared/model/feed';
import { createApp } from './app';

const port = Number(process.env.PORT ?? 3000);
const catalog = CatalogFeed.parse(
  JSON.parse(readFileSync(new URL('../shared/catalog/sample-catalog.json', import.meta.url), 'utf8')),
);
serve({ fetch: createApp({ catalog: () => catalog }).fetch, port }, (info) => {
  console.log(
    `tool listening on http://127.0.0.1:${info.port} (sample catalog: ${catalog.resources.length} resources)`,
  );
});
