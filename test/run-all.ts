/**
 * `npm test`: every gate, in the order that fails fastest. Each step is a real command; the first failure stops the
 * run with its exit code. Set TEST_ONLY=unit (or typecheck, lint, build, browser) to run one step.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { TEST_BUILD_ENV } from './e2e/test-build';

interface Step {
  name: string;
  command: string[];
  env?: Record<string, string>;
  when?: () => boolean;
}

const steps: Step[] = [
  { name: 'typecheck', command: ['npx', 'tsc', '--noEmit'] },
  { name: 'lint', command: ['npx', 'biome', 'check', '.'] },
  { name: 'unit', command: ['npx', 'vitest', 'run'] },
  { name: 'build', command: ['npx', 'wxt', 'build'], when: () => existsSync('playwright.config.ts') },
  // The grant-simulating build for the custom-domain browser tests (test/e2e/test-build.ts); it never ships.
  {
    name: 'build',
    command: ['npx', 'wxt', 'build'],
    env: TEST_BUILD_ENV,
    when: () => existsSync('playwright.config.ts'),
  },
  { name: 'browser', command: ['npx', 'playwright', 'test'], when: () => existsSync('playwright.config.ts') },
];

const only = process.env.TEST_ONLY;
const started = Date.now();
for (const step of steps) {
  if (only && only !== step.name) continue;
  if (step.when && !step.when()) continue;
  const t0 = Date.now();
  const envText = Object.entries(step.env ?? {})
    .map(([k, v]) => `${k}=${v} `)
    .join('');
  process.stdout.write(`\n▶ ${step.name}: ${envText}${step.command.join(' ')}\n`);
  const result = spawnSync(step.command[0]!, step.command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, ...step.env },
  });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (result.status !== 0) {
    process.stderr.write(`\n✗ ${step.name} failed after ${seconds}s (exit ${result.status ?? result.signal})\n`);
    process.exit(result.status ?? 1);
  }
  process.stdout.write(`✓ ${step.name} (${seconds}s)\n`);
}
process.stdout.write(`\nAll gates passed in ${((Date.now() - started) / 1000).toFixed(0)}s\n`);
