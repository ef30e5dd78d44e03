import { isAppError } from '../../shared/errors';
import { catalogExport, catalogImport, catalogSchema, catalogValidate } from './catalog';
import type { CommandIo } from './io';
import { listsExportCc, listsImport, listsList } from './lists';
import { serveCommand } from './serve';
import { keysRotate, platformAdd, platformList, platformRemove, registrationUrl } from './tool-admin';

const USAGE = `usage: npm run tool -- <command>

  serve [--port N] [--public-url URL] [--database-url URL] [--caliper-endpoint URL]
                              run the tool server (env: PORT, PUBLIC_URL, DATABASE_URL, CALIPER_ENDPOINT, CALIPER_TOKEN)
  platform add --issuer URL --client-id ID --auth-url URL --jwks-url URL --token-url URL
               [--deployment-id ID]... [--auto-bind-deployments] [--platform-host HOST]...
  platform list [--json]
  platform remove --issuer URL --client-id ID
  keys rotate                 publish a new signing key; the old one stays published for KEY_GRACE_DAYS
  registration url [--hours N] [--label TEXT]
                              a one-time LTI Dynamic Registration URL to paste into an LMS
  catalog validate FILE       check a catalog feed record by record
  catalog import FILE [--prune]
                              load a feed into the tool's catalog (bad records skipped and listed)
  catalog export [--out FILE] the tool's catalog as a feed
  catalog schema [--out FILE] print (or write) the feed's JSON Schema
  lists import FILE           load coach and district lists ({"lists": [...]})
  lists list [--json]
  lists export-cc ID [--out FILE] [--cc 1.3|1.1] [--web-links]
                              a list as a Thin Common Cartridge of LTI links (1.1 for Moodle)

  Data commands take --database-url URL (env DATABASE_URL, default sqlite:./data/tool.db).
`;

type Command = (args: string[], io: CommandIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  serve: (args) => serveCommand(args),
  'platform add': platformAdd,
  'platform list': platformList,
  'platform remove': platformRemove,
  'keys rotate': keysRotate,
  'registration url': registrationUrl,
  'catalog validate': async (args, io) => (args[0] ? catalogValidate(args[0], io) : usage(io)),
  'catalog import': catalogImport,
  'catalog export': catalogExport,
  'lists import': listsImport,
  'lists list': listsList,
  'lists export-cc': listsExportCc,
  'catalog schema': (args, io) => {
    const out = args.indexOf('--out');
    return catalogSchema(out >= 0 ? args[out + 1] : undefined, io);
  },
};

async function usage(io: CommandIo): Promise<number> {
  io.err(USAGE);
  return 2;
}

/** Dispatches `npm run tool -- <command> ...` and returns the exit code. Bad input ends in a one-line error. */
export async function runCli(argv: string[], io: CommandIo): Promise<number> {
  const one = COMMANDS[argv[0] ?? ''];
  const two = COMMANDS[`${argv[0]} ${argv[1]}`];
  const command = two ? { run: two, args: argv.slice(2) } : one ? { run: one, args: argv.slice(1) } : undefined;
  if (!command) {
    if (!argv.length || argv[0] === 'help' || argv[0] === '--help') {
      io.err(USAGE);
      return 0;
    }
    return usage(io);
  }
  try {
    return await command.run(command.args, io);
  } catch (error) {
    if (isAppError(error)) {
      io.err(`error ${error.code}: ${error.message}`);
      return 1;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}
