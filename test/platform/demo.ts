/**
 * `npm start`: the product on its embedded defaults. The tool server (SQLite at ./data/tool.db, the bundled sample
 * catalog) and the reference platform as a demo LMS (Canvas-shaped), registered with each other.
 */
import { loadConfig } from '../../lms-plugin/config';
import { createLogger } from '../../lms-plugin/log';
import { startToolServer } from '../../lms-plugin/server';
import { startReferencePlatform, toolRegisteredByHand } from './platform';

const config = loadConfig({});
const tool = await startToolServer(config, createLogger());
const url = tool.url;
const platform = await startReferencePlatform({
  shape: 'canvas',
  port: Number(process.env.DEMO_LMS_PORT ?? 3100),
  tool: toolRegisteredByHand(url, '10000000000001', '1:demo'),
});
await tool.tool.registry.add({ ...platform.registration, label: 'Demo LMS (reference platform)' });

const courseUrl = `${platform.origin}/courses/${platform.courseId}`;
process.stdout.write(`
  Tool server      ${url}  (catalog: ${url}/api/catalog, lists: ${url}/api/lists, health: ${url}/healthz)
  Demo LMS         ${courseUrl}?as=teacher   (teacher: "Add content" runs Deep Linking)
                   ${courseUrl}?as=student   (student: opens inserted links)
  Database         ${config.databaseUrl}
  Stop with Ctrl+C.
`);

const stop = async () => {
  await platform.close();
  await tool.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
