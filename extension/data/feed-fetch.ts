/** One district feed fetched with its ETag: a 304 costs nothing, and every failure says plainly what went wrong. */
export type Fetched = { notModified: true } | { notModified: false; etag?: string; body: unknown };

export async function fetchFeed(
  fetchFn: typeof fetch,
  url: string,
  etag: string | undefined,
  what: string,
): Promise<Fetched> {
  let response: Response;
  try {
    response = await fetchFn(url, {
      headers: etag ? { 'if-none-match': etag, accept: 'application/json' } : { accept: 'application/json' },
      // Public district data: no cookies go with it, and no page content ever does.
      credentials: 'omit',
      cache: 'no-cache',
    });
  } catch {
    throw new Error(`the ${what} server could not be reached (offline, down, or not allowing this extension: CORS)`);
  }
  if (response.status === 304) return { notModified: true };
  if (!response.ok) throw new Error(`the ${what} server answered HTTP ${response.status}`);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new Error(`the ${what} is not valid JSON`);
  }
  return { notModified: false, etag: response.headers.get('etag') ?? undefined, body };
}
