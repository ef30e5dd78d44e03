import { readFile } from 'node:fs/promises';
import { type ServerType, serve } from '@hono/node-server';
import { createTool, type Tool } from './app';
import type { Config } from './config';
import { openStore, type Store } from './db/connect';
import { createLogger, type Logger } from './log';

export const SAMPLE_CATALOG_URL = new URL('../shared/catalog/sample-catalog.json', import.meta.url);
export const SAMPLE_LISTS_URL = new URL('../shared/catalog/sample-lists.json', import.meta.url);

const readJson = async (url: URL): Promise<unknown> => JSON.parse(await readFile(url, 'utf8'));

export interface RunningTool {
  tool: Tool;
  store: Store;
  server: ServerType;
  url: string;
  port: number;
  close(): Promise<void>;
}

export type ToolServerConfig = Omit<Config, 'publicUrl'> & { publicUrl?: string };

/**
 * Opens the database (migrating it), listens, and composes the tool. The Node HTTP boundary of the tool server.
 * Without a public URL the tool serves http://127.0.0.1:<port>, the port being known only once it listens (port 0).
 */
export async function startToolServer(config: ToolServerConfig, log: Logger = createLogger()): Promise<RunningTool> {
  const store = await openStore(config.databaseUrl);
  let handler: (request: Request) => Response | Promise<Response> = () => new Response('starting', { status: 503 });
  const { server, port } = await new Promise<{ server: ServerType; port: number }>((resolve) => {
    const s = serve({ fetch: (request) => handler(request), port: config.port, hostname: '0.0.0.0' }, (info) =>
      resolve({ server: s, port: info.port }),
    );
  });
  const publicUrl = config.publicUrl ?? `http://127.0.0.1:${port}`;
  const seed = config.seedSampleCatalog;
  const tool = await createTool({
    store,
    config: { ...config, publicUrl },
    log,
    seedCatalog: seed ? await readJson(SAMPLE_CATALOG_URL) : undefined,
    seedLists: seed ? await readJson(SAMPLE_LISTS_URL) : undefined,
  });
  handler = (request) => tool.app.fetch(request);
  log.info('tool listening', { port, public_url: publicUrl, engine: store.engine });
  return {
    tool,
    store,
    server,
    port,
    url: publicUrl,
    async close() {
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
