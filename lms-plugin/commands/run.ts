import { catalogSchema, catalogValidate } from './catalog';
import type { CommandIo } from './io';

const USAGE = `usage: npm run tool -- <command>

  catalog validate FILE       check a catalog feed record by record
  catalog schema [--out FILE] print (or write) the feed's JSON Schema
`;

/** Dispatches `npm run tool -- <command> ...` and returns the exit code. */
export async function runCli(argv: string[], io: CommandIo): Promise<number> {
  const [group, command, ...rest] = argv;
  if (group === 'catalog' && command === 'validate' && rest[0]) return catalogValidate(rest[0], io);
  if (group === 'catalog' && command === 'schema') {
    const outIndex = rest.indexOf('--out');
    return catalogSchema(outIndex >= 0 ? rest[outIndex + 1] : undefined, io);
  }
  io.err(USAGE);
  return group === undefined || group === 'help' || group === '--help' ? 0 : 2;
}
