import type { Context } from 'hono';
import { AppError, ERROR_SPECS, isAppError } from '../../shared/errors';
import type { Logger } from '../log';
import { html, page } from './html';

const wantsJson = (c: Context) => (c.req.header('accept') ?? '').includes('application/json');

/**
 * The one place an error becomes a response: `{"error": CODE, "message": …}` for `Accept: application/json`,
 * otherwise a page that tells a teacher what happened and what to do.
 */
export function errorResponse(error: unknown, c: Context, log: Logger): Response {
  const appError = isAppError(error) ? error : undefined;
  if (!appError) {
    log.error('unhandled error', { path: c.req.path, error: error instanceof Error ? error.message : String(error) });
  }
  const known = appError ?? new AppError('CONFIG_INVALID', 'Something went wrong on the tool server.');
  const status = appError ? appError.status : 500;
  const spec = ERROR_SPECS[known.code];
  if (appError && status < 500) log.warn('request rejected', { path: c.req.path, code: known.code, status });
  if (wantsJson(c)) {
    return c.json({ error: appError ? known.code : 'INTERNAL', message: known.message }, status as 400);
  }
  const body = html`<h1>${spec.title}</h1>
<p>${known.message === spec.title ? '' : known.message}</p>
<p class="advice">${spec.advice}</p>
<p>Error code: <code>${appError ? known.code : 'INTERNAL'}</code></p>`;
  return c.html(page({ title: spec.title, body }), status as 400);
}
