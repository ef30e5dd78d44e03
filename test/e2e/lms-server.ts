import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { resolve } from 'node:path';

/** The LMS hosts the fixtures pretend to be: Chromium maps these names to this loopback server. */
export const LMS_HOSTS = {
  canvas: 'riverbend.instructure.com',
  moodle: 'riverbend.moodlecloud.com',
  schoology: 'riverbend.schoology.com',
  brightspace: 'riverbend.brightspace.com',
  blackboard: 'riverbend.blackboard.com',
} as const;

const ROUTES: Record<string, Record<string, string>> = {
  [LMS_HOSTS.canvas]: {
    '/courses/1207/modules': 'canvas/modules.html',
    '/courses/1207/pages/photosynthesis-lab/edit': 'canvas/page-edit.html',
    '/courses/1207/grades': 'canvas/grades.html',
  },
  [LMS_HOSTS.moodle]: {
    '/course/view.php?id=4': 'moodle/course-editing.html',
    '/course/view.php?id=4&view=1': 'moodle/course-view.html',
    '/course/modedit.php?add=page&course=4&section=2': 'moodle/modedit-page.html',
  },
  [LMS_HOSTS.schoology]: {
    '/course/7781/materials?f=3301': 'schoology/materials.html',
    '/home': 'schoology/home.html',
  },
  [LMS_HOSTS.brightspace]: {
    '/d2l/le/content/6606/Home': 'brightspace/content.html',
    '/d2l/home/6606': 'brightspace/course-home.html',
  },
  [LMS_HOSTS.blackboard]: {
    '/ultra/courses/_1234_1/outline': 'blackboard/ultra-outline.html',
    '/webapps/blackboard/content/listContentEditable.jsp?content_id=_55_1&course_id=_12_1':
      'blackboard/original-content.html',
    '/ultra/stream': 'blackboard/ultra-stream.html',
  },
};

export interface FixtureServer {
  port: number;
  /** Everything the browser asked this server for: host + path + query. */
  requests: string[];
  extraRoutes: Map<
    string,
    (url: URL) => { status: number; type: string; body: string; headers?: Record<string, string> }
  >;
  close(): Promise<void>;
}

/**
 * Serves the LMS fixture pages by host name. `hosts` adds hosts (custom LMS domains) with their pages; `tls` serves
 * https, for hosts whose permissions are https-only.
 */
export async function startFixtureServer(
  options: { hosts?: Record<string, Record<string, string>>; tls?: { key: string; cert: string } } = {},
): Promise<FixtureServer> {
  const requests: string[] = [];
  const extraRoutes: FixtureServer['extraRoutes'] = new Map();
  const routes = { ...ROUTES, ...options.hosts };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const host = (req.headers.host ?? '').split(':')[0]!;
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    requests.push(`${host}${req.url}`);
    const extra = extraRoutes.get(url.pathname);
    if (extra) {
      const r = extra(url);
      res.writeHead(r.status, { 'content-type': r.type, ...r.headers });
      res.end(r.body);
      return;
    }
    const file = routes[host]?.[`${url.pathname}${url.search}`];
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(readFileSync(resolve('test/fixtures/lms', file)));
  };
  const server: Server = options.tls ? createHttpsServer(options.tls, handle) : createServer(handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as { port: number }).port,
    requests,
    extraRoutes,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
