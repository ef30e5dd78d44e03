import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { createRegistrationCodes, REGISTER_PATH } from '../lti/registration-codes';
import { createRegistry } from '../lti/registrations';
import { createToolKeys } from '../lti/tool-keys';
import type { CommandIo } from './io';
import { dbFlags, withStore } from './store';

/** `platform add --issuer … --client-id … --auth-url … --jwks-url … --token-url … [--deployment-id …]…` */
export async function platformAdd(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...dbFlags,
      issuer: { type: 'string' },
      'client-id': { type: 'string' },
      'auth-url': { type: 'string' },
      'jwks-url': { type: 'string' },
      'token-url': { type: 'string' },
      'deployment-id': { type: 'string', multiple: true },
      'auto-bind-deployments': { type: 'boolean' },
      'platform-host': { type: 'string', multiple: true },
      label: { type: 'string' },
    },
  });
  const missing = ['issuer', 'client-id', 'auth-url', 'jwks-url', 'token-url'].filter(
    (k) => !values[k as keyof typeof values],
  );
  if (missing.length) {
    io.err(`platform add: missing ${missing.map((m) => `--${m}`).join(', ')}`);
    return 2;
  }
  return withStore(values['database-url'], async (store) => {
    const platform = await createRegistry(store.db, Date.now).add({
      issuer: values.issuer!,
      clientId: values['client-id']!,
      authUrl: values['auth-url']!,
      jwksUrl: values['jwks-url']!,
      tokenUrl: values['token-url']!,
      deploymentIds: values['deployment-id'] ?? [],
      autoBindDeployments: values['auto-bind-deployments'] ?? false,
      platformHosts: values['platform-host'] ?? [],
      label: values.label,
    });
    io.out(`registered ${platform.issuer} client ${platform.clientId}`);
    return 0;
  });
}

export async function platformList(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({ args, options: { ...dbFlags, json: { type: 'boolean' } } });
  return withStore(values['database-url'], async (store) => {
    const platforms = await createRegistry(store.db, Date.now).list();
    if (values.json) io.out(JSON.stringify(platforms, null, 2));
    else if (!platforms.length) io.err('no platforms registered');
    else
      for (const p of platforms) {
        io.out(
          `${p.issuer}\tclient=${p.clientId}\tdeployments=${p.deploymentIds.join(',') || '-'}${p.autoBindDeployments ? ' (auto-bind)' : ''}\thosts=${p.platformHosts.join(',') || 'any'}`,
        );
      }
    return 0;
  });
}

export async function platformRemove(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { ...dbFlags, issuer: { type: 'string' }, 'client-id': { type: 'string' } },
  });
  if (!values.issuer || !values['client-id']) {
    io.err('platform remove: needs --issuer and --client-id');
    return 2;
  }
  return withStore(values['database-url'], async (store) => {
    const removed = await createRegistry(store.db, Date.now).remove(values.issuer!, values['client-id']!);
    io.err(removed ? 'removed' : 'no such registration');
    return removed ? 0 : 1;
  });
}

export async function keysRotate(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({ args, options: { ...dbFlags, 'key-grace-days': { type: 'string' } } });
  const config = loadConfig({ 'key-grace-days': values['key-grace-days'] });
  return withStore(values['database-url'], async (store) => {
    const keys = createToolKeys(store.db, Date.now);
    const result = await keys.rotate(config.keyGraceDays * 86_400_000);
    io.out(
      `signing with ${result.current}; published next ${result.next}; ${result.retired.join(', ')} stays published for ${config.keyGraceDays} days`,
    );
    return 0;
  });
}

/**
 * `registration url [--hours N] [--label TEXT]`: a one-time LTI Dynamic Registration URL for an LMS administrator to
 * paste into the LMS (Canvas: Developer Keys → LTI Registration; Moodle: Manage tools → Tool URL).
 */
export async function registrationUrl(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...dbFlags,
      hours: { type: 'string', default: '24' },
      label: { type: 'string' },
      'public-url': { type: 'string' },
    },
  });
  const hours = Number(values.hours);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 30) {
    io.err('registration url: --hours is a number of hours, at most 720');
    return 2;
  }
  const { publicUrl } = loadConfig({ 'public-url': values['public-url'] });
  return withStore(values['database-url'], async (store) => {
    const code = await createRegistrationCodes(store.db, Date.now).issue({
      ttlMs: hours * 3_600_000,
      label: values.label,
    });
    io.out(`${publicUrl}${REGISTER_PATH}?code=${code}`);
    io.err(`valid for ${hours} hours, for one registration; the LMS adds its own parameters to it`);
    return 0;
  });
}
