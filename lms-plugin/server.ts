import { readFile } from 'node:fs/promises';
import { createServer as createHttpsServer } from 'node:https';
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
  /** The TLS listener's port, when started with `tls` (browsers reach it at the public URL). */
  tlsPort?: number;
  close(): Promise<void>;
}

export type ToolServerConfig = Omit<Config, 'publicUrl'> & { publicUrl?: string };

/**
 * Opens the database (migrating it), listens, and composes the tool. The Node HTTP boundary of the tool server.
 * Without a public URL the tool serves http://127.0.0.1:<port>, the port being known only once it listens (port 0).
 */
export async function startToolServer(
  config: ToolServerConfig,
  log: Logger = createLogger(),
  options: { tls?: { key: string; cert: string } } = {},
): Promise<RunningTool> {
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
  tool.caliper?.start();
  // A second listener with TLS, for browser tests that reach the tool at its https public URL (deployments terminate
  // TLS at their proxy, as the README says).
  let tlsServer: ServerType | undefined;
  if (options.tls) {
    tlsServer = await new Promise<ServerType>((resolve) => {
      const s = serve(
        {
          fetch: (request) => handler(request),
          port: 0,
          hostname: '127.0.0.1',
          createServer: createHttpsServer,
          serverOptions: options.tls,
        },
        () => resolve(s),
      );
    });
  }
  log.info('tool listening', { port, public_url: publicUrl, engine: store.engine });
  return {
    tool,
    store,
    server,
    port,
    tlsPort: tlsServer ? (tlsServer.address() as { port: number }).port : undefined,
    url: publicUrl,
    async close() {
      tool.caliper?.stop();
      for (const srv of [server, tlsServer]) {
        if (!srv) continue;
        if ('closeAllConnections' in srv) srv.closeAllConnections();
        await new Promise<void>((resolve) => srv.close(() => resolve()));
      }
      await store.close();
    },
  };
}
