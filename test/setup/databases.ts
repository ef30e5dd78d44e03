import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';

/** A fresh, empty database on the test run's PostgreSQL server; returns its URL. */
export async function createPostgresDatabase(prefix = 'test'): Promise<string> {
  const admin = inject('postgresUrl');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  return admin.replace(/\/[^/]*$/, `/${name}`);
}

export const sqliteFileUrl = (prefix = 'test') =>
  `sqlite:${join(tmpdir(), `${prefix}-${process.pid}-${randomBytes(4).toString('hex')}.db`)}`;
