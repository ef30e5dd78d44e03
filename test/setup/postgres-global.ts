import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './postgres-cluster';

/** Starts the test run's PostgreSQL cluster; tests receive its URL through `inject('postgresUrl')`. */
export default async function setup(project: TestProject) {
  const cluster = await startPostgresCluster();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
