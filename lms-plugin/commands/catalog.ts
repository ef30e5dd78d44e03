import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { catalogFeedJsonSchemaText } from '../../shared/catalog/json-schema';
import { formatProblem, validateCatalogFeed } from '../../shared/catalog/validate';
import { createCatalogStore } from '../catalog/store';
import type { CommandIo } from './io';
import { dbFlags, readJsonFile, withStore } from './store';

/** `catalog validate FILE`: one line per problem, a summary, exit 1 on any error. */
export async function catalogValidate(file: string, io: CommandIo): Promise<number> {
  const read = await readJsonFile(file, io);
  if (!read) return 1;
  const raw = read.value;
  const progress = io.progress('validating');
  const result = validateCatalogFeed(raw, { onProgress: progress.update, progressEvery: 500 });
  progress.done();
  for (const problem of result.problems) io.out(formatProblem(problem));
  if (!result.envelopeValid) {
    io.err(`${file}: the feed envelope is invalid; no record was read`);
    return 1;
  }
  const good = result.resources.length;
  io.err(
    `${file}: ${result.total} records, ${good} valid, ${result.badRecords} invalid (${result.problems.length} problems)`,
  );
  return result.problems.length > 0 ? 1 : 0;
}

/** `catalog schema [--out FILE]`: the JSON Schema generated from the zod model. */
export async function catalogSchema(out: string | undefined, io: CommandIo): Promise<number> {
  const text = catalogFeedJsonSchemaText();
  if (out) {
    await writeFile(out, text);
    io.err(`wrote ${out}`);
  } else {
    io.out(text.trimEnd());
  }
  return 0;
}

/**
 * `catalog import FILE [--prune]`: loads a feed into the tool's catalog. Bad records are listed and skipped (their
 * stored versions stay); a bad envelope changes nothing. `--prune` removes resources the feed no longer lists. Exits 1
 * when anything was skipped, so a scheduled import is noticed.
 */
export async function catalogImport(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...dbFlags, prune: { type: 'boolean' } },
  });
  const file = positionals[0];
  if (!file) {
    io.err('catalog import: needs a FILE');
    return 2;
  }
  const read = await readJsonFile(file, io);
  if (!read) return 1;
  return withStore(values['database-url'], async (store) => {
    const report = await createCatalogStore(store.db, Date.now).import(read.value, { prune: values.prune });
    for (const problem of report.problems) io.out(formatProblem(problem));
    io.err(
      `${file}: imported ${report.imported}, skipped ${report.skipped} invalid${values.prune ? `, removed ${report.removed} no longer listed` : ''}`,
    );
    return report.skipped > 0 ? 1 : 0;
  });
}

/** `catalog export [--out FILE]`: the tool's catalog as a feed, the same document `/api/catalog` serves. */
export async function catalogExport(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({ args, options: { ...dbFlags, out: { type: 'string' } } });
  return withStore(values['database-url'], async (store) => {
    const feed = await createCatalogStore(store.db, Date.now).feed();
    const text = `${JSON.stringify(feed, null, 2)}\n`;
    if (values.out) {
      await writeFile(values.out, text);
      io.err(`wrote ${values.out}: ${feed.resources.length} resources`);
    } else {
      io.out(text.trimEnd());
    }
    return 0;
  });
}
