import { Agent, request } from 'node:http';
import { testKey } from '../support/credentials';
import { startTestApp, TestApp } from '../support/test-app';
import { expectCleanProblem } from '../support/problems';

/*
 * The limits are the HTTP layer's; the store underneath is irrelevant, so this
 * runs once, on the embedded store.
 */

interface Answer {
  status: number;
  retryAfter: string | undefined;
  headers: Headers;
  body: Record<string, unknown>;
  text: string;
}

/**
 * A request from a given loopback address (127.0.0.1, 127.0.0.2, ...): every
 * 127/8 address reaches a server listening on 127.0.0.1, so the service sees
 * real, distinct client addresses, nothing forged in a header.
 */
function send(
  url: string,
  from: string,
  agent: Agent,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: unknown },
): Promise<Answer> {
  const { hostname, port } = new URL(url);
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: hostname,
        port,
        path: options.path,
        method: options.method ?? 'GET',
        localAddress: from,
        agent,
        headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...options.headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            if (typeof value === 'string') headers.set(name, value);
          }
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'] as string | undefined,
            headers,
            body: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : {},
            text,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe('rate limits by role, credential and kind of request [real HTTP, sqlite: embedded file store]', () => {
  let t: TestApp;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const writer = testKey('bulk-writer', 'programme-admin');
  const analyst = testKey('analyst', 'analyst');
  const evaluator = testKey('evaluator', 'evaluator');
  const generous = testKey('generous-analyst', 'analyst');
  const generousEntry = { ...generous.entry, rateLimit: { queries: 8 } };

  beforeAll(async () => {
    t = await startTestApp({
      API_KEYS: JSON.stringify([writer.entry, analyst.entry, evaluator.entry, generousEntry]),
      RATE_LIMIT_MAX: '4',
      RATE_LIMIT_BULK_MAX: '40',
      RATE_LIMIT_WINDOW_MS: '600000',
    });
  });
  afterAll(async () => {
    agent.destroy();
    await t.close();
  });

  const query = (key: string) =>
    send(t.url, '127.0.0.1', agent, { path: '/v1/spread/summary', headers: bearer(key) });
  const command = (key: string, n: number) =>
    send(t.url, '127.0.0.1', agent, {
      method: 'POST',
      path: '/v1/commands/RegisterOrganisation',
      headers: { ...bearer(key), 'idempotency-key': `register-${key.slice(-6)}-${n}` },
      body: {
        odsCode: `R${String(n).padStart(2, '0')}`,
        name: `Trust ${n}`,
        type: 'AcuteTrust',
        regionCode: 'Y56',
        isNhsTrust: true,
        openDate: '2005-04-01',
      },
    });

  it('gives a bulk writer its commands at the bulk limit while its queries keep their own allowance', async () => {
    // Ten commands: over the interactive limit of 4, inside the bulk limit of 40.
    const statuses = [];
    for (let n = 0; n < 10; n++) statuses.push((await command(writer.key, n)).status);
    expect(statuses).toEqual(Array(10).fill(201));
    // The same credential's queries were not spent by its commands.
    const programme = await send(t.url, '127.0.0.1', agent, {
      path: '/v1/admin/read-models',
      headers: bearer(writer.key),
    });
    expect(programme.status).toBe(200);
  });

  it('refuses an interactive client past its limit with 429 problem+json and Retry-After, and no one else', async () => {
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await query(analyst.key));
    expect(answers.slice(0, 4).map((a) => a.status)).toEqual([404, 404, 404, 404]);
    const refused = answers[4];
    expectCleanProblem(refused, 429);
    expect(refused.body.detail).toBe(
      'This credential has sent more than 4 queries in 600 s; retry after 600 s',
    );
    expect(Number(refused.retryAfter)).toBeGreaterThan(590);
    // Another client, and the same writer as before, are unaffected.
    expect((await query(evaluator.key)).status).toBe(404);
    expect((await command(writer.key, 10)).status).toBe(201);
    expect((await send(t.url, '127.0.0.1', agent, { path: '/health/live' })).status).toBe(200);
  });

  it('limits the commands of a role that is not a bulk writer at the interactive limit', async () => {
    const statuses = [];
    for (let n = 0; n < 5; n++) {
      const answer = await send(t.url, '127.0.0.1', agent, {
        method: 'POST',
        path: '/v1/commands/RecordSurveyWave',
        headers: bearer(evaluator.key),
        body: {},
      });
      statuses.push(answer.status);
    }
    // Four invalid bodies (400), then the limit: the refusals count like any request.
    expect(statuses).toEqual([400, 400, 400, 400, 429]);
  });

  it("applies a credential's own limit from its key entry instead of its role's", async () => {
    const statuses = [];
    for (let i = 0; i < 9; i++) statuses.push((await query(generous.key)).status);
    expect(statuses).toEqual([...Array(8).fill(404), 429]);
  });
});

describe('the limit before authentication, per client address [real HTTP, sqlite: embedded file store]', () => {
  let t: TestApp;
  const agents = new Map<string, Agent>();
  const agentFor = (from: string): Agent => {
    if (!agents.has(from)) agents.set(from, new Agent({ keepAlive: true, maxSockets: 4 }));
    return agents.get(from) as Agent;
  };
  const good = testKey('good-admin', 'programme-admin');

  beforeAll(async () => {
    t = await startTestApp({
      API_KEYS: JSON.stringify([good.entry]),
      RATE_LIMIT_UNAUTHENTICATED_MAX: '60',
      RATE_LIMIT_WINDOW_MS: '600000',
      // The 401s and 429s below are the behaviour under test, not news.
      LOG_LEVEL: 'fatal',
    });
  });
  afterAll(async () => {
    for (const agent of agents.values()) agent.destroy();
    await t.close();
  });

  /** `count` requests from one address, four at a time, in order of sending. */
  async function flood(from: string, count: number, headers: Record<string, string>): Promise<Answer[]> {
    const answers: Answer[] = [];
    for (let i = 0; i < count; i += 4) {
      const batch = Array.from({ length: Math.min(4, count - i) }, () =>
        send(t.url, from, agentFor(from), { path: '/v1/spread/summary', headers }),
      );
      answers.push(...(await Promise.all(batch)));
    }
    return answers;
  }

  it.each([
    ['no credential', '127.0.0.2', {}],
    ['a wrong key', '127.0.0.3', bearer('aek_this-key-was-never-issued-to-anyone-at-all')],
  ])(
    '1,500 requests with %s: 401 up to the limit, then 429 with Retry-After, from that address only',
    async (_what, from, headers) => {
      const answers = await flood(from, 1_500, headers as Record<string, string>);
      const statuses = answers.map((a) => a.status);
      expect(statuses.slice(0, 60)).toEqual(Array(60).fill(401));
      expect(statuses.slice(60)).toEqual(Array(1_440).fill(429));
      const refused = answers[1_499];
      expectCleanProblem(refused, 429);
      expect(refused.body.detail).toMatch(
        /^More than 60 requests without valid credentials from this address in 600 s; retry after \d+ s$/,
      );
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
      // A good key from another address is unaffected...
      const elsewhere = await send(t.url, '127.0.0.9', agentFor('127.0.0.9'), {
        path: '/v1/admin/read-models',
        headers: bearer(good.key),
      });
      expect(elsewhere.status).toBe(200);
      // ...while the blocked address is refused before any credential is looked at, good or not.
      const blocked = await send(t.url, from, agentFor(from), {
        path: '/v1/admin/read-models',
        headers: bearer(good.key),
      });
      expect(blocked.status).toBe(429);
      // Public routes stay open to it: probes and documentation are never limited.
      expect((await send(t.url, from, agentFor(from), { path: '/health/live' })).status).toBe(200);
    },
    60_000,
  );
});
