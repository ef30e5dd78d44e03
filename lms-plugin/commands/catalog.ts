import { readFile, writeFile } from 'node:fs/promises';
import { catalogFeedJsonSchemaText } from '../../shared/catalog/json-schema';
import { formatProblem, validateCatalogFeed } from '../../shared/catalog/validate';
import type { CommandIo } from './io';

/** `catalog validate FILE`: one line per problem, a summary, exit 1 on any error. */
export async function catalogValidate(file: string, io: CommandIo): Promise<number> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    io.err(`${file}: not readable JSON: ${(error as Error).message}`);
    return 1;
  }
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
