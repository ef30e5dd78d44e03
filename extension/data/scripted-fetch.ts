/** For tests: a fetch that answers from a script and records what was asked (mocked HTTP; browser tests use real). */
export function scriptedFetch(responses: Array<() => Response>) {
  const calls: Array<{ url: string; headers: Record<string, string> }> = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, headers: (init.headers ?? {}) as Record<string, string> });
    const next = responses.shift();
    if (!next) throw new TypeError('Failed to fetch');
    return next();
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}
