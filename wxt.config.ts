import { readFileSync } from 'node:fs';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { LMS_MATCHES } from './extension/lms/hosts';

/** Public half of the development key: it fixes the extension id (see README, "Extension id"). */
const key = readFileSync(new URL('./extension-key.pub.b64', import.meta.url), 'utf8').trim();

/**
 * Browser tests only: hosts to declare as if the teacher had granted them, since headless Chromium cannot answer the
 * permission prompt. A granted optional host permission and a declared one are the same to the browser. Such a build
 * goes to its own folder (TEST_OUT_DIR) and never ships.
 */
const testGrantedHosts = (process.env.TEST_GRANTED_HOSTS ?? '').split(',').filter(Boolean);
if (testGrantedHosts.length > 0 && !process.env.TEST_OUT_DIR) throw new Error('TEST_GRANTED_HOSTS needs TEST_OUT_DIR');

export default defineConfig({
  srcDir: 'extension',
  outDir: process.env.TEST_OUT_DIR ?? '.output',
  publicDir: 'extension/public',
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => {
    const firefox = browser === 'firefox';
    return {
      name: 'ISTE Resource Suggestions',
      description: 'Standards-aligned, 1EdTech-certified resource suggestions while you build a unit in your LMS.',
      // storage: catalog, carts, settings · alarms: catalog refresh · scripting: content script on custom LMS domains
      // a teacher grants · sidePanel: the side panel (Chrome, Edge).
      permissions: ['storage', 'alarms', 'scripting', ...(firefox ? [] : ['sidePanel'])],
      host_permissions: [...LMS_MATCHES, ...testGrantedHosts.map((h) => `https://${h}/*`)],
      // Custom LMS domains and the district tool's origin, requested one origin at a time from the options page.
      optional_host_permissions: ['https://*/*', 'http://*/*'],
      action: { default_title: 'Resource suggestions' },
      // The overlay page must load in LMS pages, including custom domains granted at run time, which a manifest cannot
      // list: so any https page, but only at an address pages cannot guess (Chrome's per-session dynamic URL, Firefox's
      // per-install UUID) that only our LMS content script knows. Its static address stays unreachable from pages.
      web_accessible_resources: [
        {
          resources: ['overlay.html'],
          matches: ['https://*/*', ...LMS_MATCHES],
          ...(firefox ? {} : { use_dynamic_url: true }),
        },
      ],
      ...(firefox
        ? { browser_specific_settings: { gecko: { id: 'iste-suggestions@example.org', strict_min_version: '121.0' } } }
        : { key, storage: { managed_schema: 'managed_schema.json' } }),
    };
  },
});
