/**
 * The grant-simulating test build: the production extension with these hosts declared, as if a teacher had granted
 * them (headless Chromium cannot answer the permission prompt). `npm test` builds it after the production build.
 */
export const TEST_GRANTED_HOSTS = ['moodle.riverbend.k12.us', 'canvas.riverbend.k12.us'];
export const TEST_OUT_DIR = '.output/test-granted';
export const TEST_BUILD_ENV = { TEST_GRANTED_HOSTS: TEST_GRANTED_HOSTS.join(','), TEST_OUT_DIR };
