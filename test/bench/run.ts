/** `npm run bench`: every benchmark, printed as figures. Targets live here, not in timed unit tests. */
import { printLtiBench, runLtiBench } from './lti';

const only = process.argv[2];
if (!only || only === 'lti') printLtiBench(await runLtiBench());
