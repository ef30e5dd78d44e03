import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { startToolServer } from '../server';

/** `serve [--port N] [--public-url URL] [--database-url URL] [--caliper-endpoint URL]`: runs until SIGINT/SIGTERM. */
export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      'public-url': { type: 'string' },
      'database-url': { type: 'string' },
      'caliper-endpoint': { type: 'string' },
    },
  });
  const running = await startToolServer(loadConfig(values));
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await running.close();
  return 0;
}
