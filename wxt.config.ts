import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'ISTE Resource Suggestions',
    permissions: ['storage'],
  },
});
