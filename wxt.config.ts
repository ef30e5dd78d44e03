import { readFileSync } from 'node:fs';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { LMS_MATCHES } from './extension/lms/hosts';

/** Public half of the development key: it fixes the extension id (see README, "Extension id"). */
const key = readFileSync(new URL('./extension-key.pub.b64', import.meta.url), 'utf8').trim();

export default defineConfig({
  srcDir: 'extension',
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
      host_permissions: [...LMS_MATCHES],
      // Custom LMS domains and the district tool's origin, requested one origin at a time from the options page.
      optional_host_permissions: ['https://*/*', 'http://*/*'],
      action: { default_title: 'Resource suggestions' },
      web_accessible_resources: [
        {
          resources: ['overlay.html'],
          matches: [...LMS_MATCHES],
          ...(firefox ? {} : { use_dynamic_url: true }),
        },
      ],
      ...(firefox
        ? { browser_specific_settings: { gecko: { id: 'iste-suggestions@example.org', strict_min_version: '121.0' } } }
        : { key, storage: { managed_schema: 'managed_schema.json' } }),
    };
  },
});
