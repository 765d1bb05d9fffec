import { createApi } from '../../web/src/api/client';
import { RequestPause } from '../../web/src/api/pause';
import { ApiError, explain } from '../../web/src/api/problem';

/** A fetch that answers from a list and records what it was asked. */
function fakeFetch(answers: Array<{ status: number; body: unknown; headers?: Record<string, string> }>) {
  const asked: Array<{ url: string; headers: Record<string, string>; method?: string; body?: unknown }> = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    asked.push({
      url,
      headers: init.headers as Record<string, string>,
      method: init.method,
      body: init.body,
    });
    const answer = answers.shift() ?? { status: 500, body: {} };
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json', ...answer.headers },
    });
  }) as unknown as typeof fetch;
  return { asked, fetchImpl };
}

const live = (position: number) => ({
  status: 200,
  body: { enrolled: 1, knowledge: { position, source: 'live' } },
});

describe('the dashboard’s API client', () => {
  it('sends the credential as a bearer token, and never reads a live figure older than one it showed', async () => {
    const { asked, fetchImpl } = fakeFetch([
      live(40),
      live(45),
      { status: 200, body: { knowledge: { position: 12 } } },
    ]);
    const api = createApi('aek_key', () => undefined, fetchImpl);
    await api.get('/v1/spread/summary');
    await api.get('/v1/spread/summary');
    await api.get('/v1/spread/summary', { asOf: '2017-03-31' });
    expect(asked.map((a) => a.url)).toEqual([
      '/v1/spread/summary',
      '/v1/spread/summary?minPosition=40',
      '/v1/spread/summary?asOf=2017-03-31',
    ]);
    expect(asked[0].headers.authorization).toBe('Bearer aek_key');
  });

  it('turns a problem into an ApiError, and a 401 into a request to sign in again', async () => {
    const problem = { title: 'Unauthorised', detail: 'The API key is not valid (unknown or revoked)' };
    const { fetchImpl } = fakeFetch([{ status: 401, body: problem, headers: { 'x-correlation-id': 'c-1' } }]);
    const refused: ApiError[] = [];
    const api = createApi('aek_old', (e) => refused.push(e), fetchImpl);
    await expect(api.get('/v1/spread/summary')).rejects.toMatchObject({ status: 401, correlationId: 'c-1' });
    expect(refused.map((e) => explain(e))).toEqual([
      {
        heading: 'Your key or token was not accepted',
        message:
          'The API key is not valid (unknown or revoked). Sign in again with a valid API key or token.',
        action: 'sign-in',
      },
    ]);
  });

  it('offers a retry for 503, saying what the service said once', () => {
    const busy = new ApiError(
      503,
      'Read model catching up',
      'Read model spread is catching up (position 1200 of 3000); retry after 1 s',
      1,
    );
    expect(explain(busy)).toEqual({
      heading: 'The figures are not available right now',
      message: 'Read model spread is catching up (position 1200 of 3000); retry after 1 s.',
      action: 'retry',
    });
    const limited = explain(new ApiError(429, 'Too many requests', 'retry after 23 s', 23));
    expect(`${limited.heading} ${limited.message}`).not.toMatch(/23/);
    expect(explain(new ApiError(0, 'Service unreachable', 'Failed to fetch')).action).toBe('retry');
    expect(explain(new ApiError(403, 'Forbidden', 'The role analyst may not')).action).toBe('none');
  });

  it('waits as long as a 429 asks, holding every request meanwhile, then sends it again', async () => {
    let now = 1_000_000;
    const sleepers: Array<() => void> = [];
    const pause = new RequestPause(
      () => now,
      () => new Promise<void>((resolve) => sleepers.push(resolve)),
    );
    const { asked, fetchImpl } = fakeFetch([
      { status: 429, body: { title: 'Too many requests', detail: 'x' }, headers: { 'retry-after': '23' } },
      live(50),
      live(51),
    ]);
    const heard: number[] = [];
    pause.subscribe((until) => heard.push(until));
    const api = createApi('aek_key', () => undefined, fetchImpl, pause);
    const first = api.get('/v1/spread/summary');
    await new Promise((resolve) => setTimeout(resolve, 10));
    // Asked once, refused, and now waiting 23 s: one pause, for everyone.
    expect(asked).toHaveLength(1);
    expect(heard).toEqual([1_023_000]);
    expect(pause.secondsLeft()).toBe(23);
    const second = api.get('/v1/spread/timeline');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(asked).toHaveLength(1);
    now += 23_000;
    for (const wake of sleepers) wake();
    await expect(first).resolves.toMatchObject({ enrolled: 1 });
    await expect(second).resolves.toMatchObject({ enrolled: 1 });
    expect(asked.map((a) => a.url)).toEqual([
      '/v1/spread/summary',
      '/v1/spread/summary',
      '/v1/spread/timeline',
    ]);
  });

  it('shows the refusal after three waits that end in 429 again', async () => {
    const limited = {
      status: 429,
      body: { title: 'Too many requests', detail: 'x' },
      headers: { 'retry-after': '0' },
    };
    const { asked, fetchImpl } = fakeFetch([limited, limited, limited, limited]);
    let now = 0;
    const pause = new RequestPause(
      () => now,
      async (ms) => {
        now += ms;
      },
    );
    const api = createApi('aek_key', () => undefined, fetchImpl, pause);
    await expect(api.get('/v1/spread/summary')).rejects.toMatchObject({ status: 429 });
    expect(asked).toHaveLength(4);
  });

  it('uploads a file as the body with its content type, and sends the same file again after a 429', async () => {
    const report = { importId: 'i-1', entries: [], totals: { rows: 1, written: 1 } };
    const { asked, fetchImpl } = fakeFetch([
      { status: 429, body: { title: 'Too many requests', detail: 'x' }, headers: { 'retry-after': '0' } },
      { status: 200, body: report },
    ]);
    let now = 0;
    const waited: number[] = [];
    const pause = new RequestPause(
      () => now,
      async (ms) => {
        waited.push(ms);
        now += ms;
      },
    );
    const api = createApi('aek_key', () => undefined, fetchImpl, pause);
    const file = new Blob(['ods_code,period\nRX1,2019-10\n'], { type: 'text/csv' });
    await expect(api.upload('/v1/imports', file, 'text/csv', { report: 'all' })).resolves.toEqual(report);
    expect(asked.map((a) => [a.method, a.url, a.headers['content-type'], a.body])).toEqual([
      ['POST', '/v1/imports?report=all', 'text/csv', file],
      ['POST', '/v1/imports?report=all', 'text/csv', file],
    ]);
    expect(asked[1].headers.authorization).toBe('Bearer aek_key');
    // No Retry-After: the client's own five seconds.
    expect(waited).toEqual([5000]);
  });

  it('downloads a file as the Accept header asks, under the name the service gives it', async () => {
    const { asked, fetchImpl } = fakeFetch([
      {
        status: 200,
        body: '%PDF-1.7',
        headers: { 'content-disposition': 'attachment; filename="board-pack-2018-06-30.pdf"' },
      },
      { status: 200, body: 'x' },
    ]);
    const api = createApi('aek_key', () => undefined, fetchImpl);
    const pack = await api.file(
      '/v1/reports/programme',
      { asOf: '2018-06-30', format: 'pdf' },
      'application/pdf',
    );
    expect(pack.fileName).toBe('board-pack-2018-06-30.pdf');
    expect(await pack.blob.text()).toBe('"%PDF-1.7"');
    expect(asked[0]).toMatchObject({
      url: '/v1/reports/programme?asOf=2018-06-30&format=pdf',
      headers: { accept: 'application/pdf' },
    });
    expect((await api.file('/v1/imports/template')).fileName).toBeNull();
  });

  it('keeps the fields and rules a refusal names, for the page to list', async () => {
    const problem = {
      title: 'Validation failed',
      detail: 'The file’s columns are not the template’s',
      errors: [{ field: 'column 3', rule: 'unknown-column', message: 'Column 3 is not a template column' }],
    };
    const { fetchImpl } = fakeFetch([
      { status: 422, body: problem },
      { status: 400, body: { detail: 'x' } },
    ]);
    const api = createApi('aek_key', () => undefined, fetchImpl);
    await expect(api.get('/v1/imports')).rejects.toMatchObject({ status: 422, errors: problem.errors });
    await expect(api.get('/v1/imports')).rejects.toMatchObject({ status: 400, errors: [] });
  });
});
