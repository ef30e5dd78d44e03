import { readFileSync } from 'node:fs';
import type { Context, Hono } from 'hono';
import { renderToString } from 'preact-render-to-string';
import { AppError } from '../../shared/errors';
import { MESSAGE_TYPE } from '../../shared/lti/vocabulary';
import type { Resource } from '../../shared/model/resource';
import type { GradeBand, Subject } from '../../shared/model/vocabulary';
import { GRADE_BANDS, SUBJECTS } from '../../shared/model/vocabulary';
import { lookupIste } from '../../shared/standards/iste';
import { BASE_CSS, RESOURCE_CARD_CSS } from '../../shared/ui/styles';
import type { Analytics } from '../analytics/usage-events';
import type { ListStore } from '../catalog/lists';
import type { CatalogSearch } from '../catalog/search';
import type { CatalogStore } from '../catalog/store';
import type { Logger } from '../log';
import type { Launch } from '../lti/launch';
import { randomToken } from '../lti/random';
import type { Sessions } from '../lti/sessions';
import type { ToolKeys } from '../lti/tool-keys';
import { contentItemsFor } from './content-items';
import { type PickerFilters, PickerPage } from './PickerPage';
import { returnFormPage, signDeepLinkingResponse } from './response';

export interface PickerDeps {
  catalog: CatalogStore;
  search: CatalogSearch;
  lists: ListStore;
  sessions: Sessions;
  toolKeys: ToolKeys;
  publicUrl: string;
  now: () => number;
  log: Logger;
  analytics: Analytics;
}

const PICKER_CSS = `${BASE_CSS}${RESOURCE_CARD_CSS}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.3rem;margin:.2rem 0}
h2{font-size:1.1rem;margin:1rem 0 .3rem}
fieldset.search{display:flex;flex-wrap:wrap;gap:.6rem;align-items:flex-end;border:1px solid var(--line);border-radius:6px;padding:.6rem}
.field{display:flex;flex-direction:column;gap:.15rem}
.field.grow{flex:1 1 16rem}
.actions{position:sticky;bottom:0;background:#fff;border-top:1px solid var(--line);padding:.6rem 0;display:flex;gap:.6rem}
.choose{font-weight:600}
`;

const PICKER_SCRIPT = readFileSync(new URL('./assets/picker.js', import.meta.url), 'utf8');

async function formOf(c: Context): Promise<URLSearchParams> {
  return new URLSearchParams(await c.req.text());
}

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | '' =>
  allowed.includes(value as T) ? (value as T) : '';

export function registerPicker(app: Hono, deps: PickerDeps) {
  async function deepLinkSession(token: string | null): Promise<Launch> {
    const launch = await deps.sessions.get(token ?? undefined);
    if (launch.messageType !== MESSAGE_TYPE.deepLinkingRequest || !launch.deepLinking) {
      throw new AppError('SELECTION_INVALID', 'This session did not come from an "add content" launch.');
    }
    return launch;
  }

  async function renderPicker(
    c: Context,
    launch: Launch,
    session: string,
    form?: URLSearchParams,
    error?: string,
    status = 200,
  ) {
    const filters: PickerFilters = {
      q: (form?.get('q') ?? '').slice(0, 200),
      band: pick(form?.get('band') ?? null, GRADE_BANDS),
      subject: pick(form?.get('subject') ?? null, SUBJECTS),
      iste: /^[1-5]\.[1-9](\.[a-e])?$/.test(form?.get('iste') ?? '') ? form!.get('iste')! : '',
      cert: /^[a-z-]{2,40}$/.test(form?.get('cert') ?? '') ? form!.get('cert')! : '',
    };
    const engine = await deps.search.engine();
    const coach = await deps.lists.coachPicks();
    const options = {
      limit: 20,
      coach,
      filters: {
        bands: filters.band ? [filters.band as GradeBand] : undefined,
        subjects: filters.subject ? [filters.subject as Subject] : undefined,
        iste: filters.iste ? [filters.iste] : undefined,
        certs: filters.cert ? [filters.cert] : undefined,
      },
    };
    const results = filters.q
      ? engine.searchText(filters.q, options)
      : engine.searchContext(
          {
            lms: 'canvas',
            pageKind: 'other',
            unitKey: 'picker',
            courseName: launch.context?.title,
            itemTitles: [],
            editorText: '',
            gradeHints: [],
            subjectHints: [],
            standardHints: [],
          },
          options,
        );
    const chosenIds = [...new Set(form?.getAll('resource_id') ?? [])];
    const selected = (await Promise.all(chosenIds.map((id) => deps.catalog.get(id)))).filter((r): r is Resource =>
      Boolean(r && r.status === 'active'),
    );
    const chosen = new Set(selected.map((r) => r.id));
    const resources = await Promise.all(
      results
        .filter((r) => !chosen.has(r.id))
        .map(async (result) => ({ result, resource: (await deps.catalog.get(result.id))! })),
    );
    // Filter choices come from what the catalog holds: Students codes in use, certifications that are fresh.
    const codes = new Set<string>();
    const certs = new Set<string>();
    for (const list of engine.columns.iste)
      for (const code of list.split(' ')) if (/^1\.\d\.[a-e]$/.test(code)) codes.add(code);
    for (const list of engine.columns.certs) for (const cert of list.split(' ')) if (cert) certs.add(cert);
    const isteOptions = [...codes]
      .sort()
      .map((code) => ({ code, label: lookupIste({ set: 'students', version: '2016', code })?.label ?? '' }));
    const meta = await deps.catalog.meta();
    const nonce = randomToken(16);
    c.header(
      'content-security-policy',
      `default-src 'none'; script-src 'self'; style-src 'nonce-${nonce}'; img-src https: data:; form-action 'self'; base-uri 'none'`,
    );
    const body = renderToString(
      <PickerPage
        session={session}
        courseTitle={launch.context?.title}
        multiple={launch.deepLinking!.acceptMultiple}
        sample={meta.sample}
        filters={filters}
        selected={launch.deepLinking!.acceptMultiple ? selected : selected.slice(0, 1)}
        results={resources.filter((r) => r.resource)}
        isteOptions={isteOptions}
        certOptions={[...certs].sort()}
        error={error}
        bridged={form?.get('bridged') === '1'}
        now={new Date(deps.now())}
      />,
    );
    return c.html(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><title>Add resources</title><style nonce="${nonce}">${PICKER_CSS}</style><script src="/assets/picker.js" defer></script></head><body>${body}</body></html>`,
      status as 200,
    );
  }

  app.get('/assets/picker.js', (c) => {
    c.header('content-type', 'text/javascript; charset=utf-8');
    c.header('cache-control', 'public, max-age=300');
    return c.body(PICKER_SCRIPT);
  });

  app.post('/lti/picker', async (c) => {
    const form = await formOf(c);
    const launch = await deepLinkSession(form.get('session'));
    return renderPicker(c, launch, form.get('session')!, form);
  });

  app.post('/lti/deep-link/respond', async (c) => {
    const form = await formOf(c);
    const session = form.get('session');
    const launch = await deepLinkSession(session);
    const settings = launch.deepLinking!;
    const nonce = randomToken(16);
    const respond = async (message: Parameters<typeof signDeepLinkingResponse>[1], summary: string) => {
      const jwt = await signDeepLinkingResponse(launch, message, deps.toolKeys, deps.now());
      c.header('content-security-policy', `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'`);
      return c.html(returnFormPage(settings.returnUrl, jwt, nonce, summary));
    };
    if (form.get('action') === 'cancel') {
      deps.log.info('deep link cancelled', { iss: launch.issuer });
      return respond({ items: [] }, 'Nothing was added.');
    }
    const ids = [...new Set(form.getAll('resource_id'))];
    if (ids.length === 0)
      return renderPicker(c, launch, session!, form, 'Choose at least one resource, or press Cancel.', 422);
    if (!settings.acceptMultiple && ids.length > 1) {
      return renderPicker(
        c,
        launch,
        session!,
        form,
        'This place in your course takes one resource: choose just one.',
        422,
      );
    }
    const resources: Resource[] = [];
    for (const id of ids) {
      const resource = await deps.catalog.get(id);
      if (!resource) return renderPicker(c, launch, session!, form, `The resource "${id}" is not in the catalog.`, 422);
      if (resource.status !== 'active') {
        return renderPicker(c, launch, session!, form, `"${resource.title}" has been retired by your district.`, 422);
      }
      resources.push(resource);
    }
    try {
      const items = contentItemsFor(launch, resources, deps.publicUrl);
      deps.log.info('deep link response', { iss: launch.issuer, items: items.length });
      await deps.analytics.returned(launch, resources);
      return await respond(
        { items },
        `Adding ${items.length} resource${items.length === 1 ? '' : 's'} to your course…`,
      );
    } catch (error) {
      deps.log.error('deep link response failed', { error: (error as Error).message });
      return respond(
        { items: [], errormsg: 'The tool could not prepare the selected resources. Please try again.' },
        'Something went wrong.',
      );
    }
  });

  return { renderPicker };
}
