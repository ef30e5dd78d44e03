import { defineContentScript } from '#imports';
import { runToolBridge } from '../content/tool-bridge';

export default defineContentScript({
  // Registered at run time for the district tool's origin (background/tool-bridge.ts), never statically.
  registration: 'runtime',
  matches: [],
  allFrames: true,
  main(ctx) {
    runToolBridge(ctx.signal);
  },
});
