import { createProcessIo } from './commands/io';
import { runCli } from './commands/run';

process.exitCode = await runCli(process.argv.slice(2), createProcessIo());
