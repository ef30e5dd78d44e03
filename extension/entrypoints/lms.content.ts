import { defineContentScript } from '#imports';
import { runLmsContentScript } from '../content/run';
import { LMS_MATCHES } from '../lms/hosts';

export default defineContentScript({
  matches: [...LMS_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    runLmsContentScript(ctx.signal);
  },
});
