/** `npm run bench`: every benchmark, printed as figures. Targets live here, not in timed unit tests. */
import { printExtensionBench, runExtensionBench } from './extension';
import { printLtiBench, runLtiBench } from './lti';
import { runSearchBench } from './search';

const only = process.argv[2];
if (!only || only === 'search') await runSearchBench();
if (!only || only === 'lti') printLtiBench(await runLtiBench());
if (!only || only === 'extension') printExtensionBench(await runExtensionBench());
