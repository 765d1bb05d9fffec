import { connect } from 'node:net';
import { testKey } from '../support/credentials';
import { startTestApp, TestApp } from '../support/test-app';
import { expectCleanProblem } from '../support/problems';

/** Sends raw bytes and reads until the server closes: for requests fetch will not send. */
function rawRequest(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(request));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

function parseRaw(answer: string): { status: number; headers: string; body: string } {
  const [head, body] = answer.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), headers: head.toLowerCase(), body };
}

describe('limits [real HTTP]', () => {
  let t: TestApp;
  const other = testKey('other-admin', 'programme-admin');
  const limited = testKey('limited-admin', 'programme-admin');

  beforeAll(async () => {
    t = await startTestApp({
      API_KEYS: JSON.stringify([limited.entry, other.entry]),
      RATE_LIMIT_MAX: '3',
      RATE_LIMIT_WINDOW_MS: '600000',
      MAX_HEADER_BYTES: '8192',
    });
  });
  afterAll(async () => t.close());

  it('answers oversized headers with 431 problem+json', async () => {
    const answer = parseRaw(
      await rawRequest(
        t.url,
        `GET /v1/export/events HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(10_000)}\r\n\r\n`,
      ),
    );
    expect(answer.status).toBe(431);
    expect(answer.headers).toContain('content-type: application/problem+json');
    expect(JSON.parse(answer.body)).toEqual({
      type: 'urn:always-events:problem:request-header-fields-too-large',
      title: 'Request Header Fields Too Large',
      status: 431,
      detail: 'The request headers are larger than the server accepts',
    });
  });

  it('answers a malformed request line with 400 problem+json', async () => {
    const answer = parseRaw(await rawRequest(t.url, 'NOT HTTP AT ALL\r\n\r\n'));
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 400, title: 'Bad Request' });
  });

  it('limits requests per credential: 429 problem+json with Retry-After, other credentials unaffected', async () => {
    const call = async (key: string) => {
      const response = await fetch(`${t.url}/v1/history/changes?since=2000-01-01`, {
        headers: { authorization: `Bearer ${key}` },
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, text, body: JSON.parse(text) };
    };
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(limited.key)).status);
    expect(statuses).toEqual([200, 200, 200]);
    const refused = await call(limited.key);
    expectCleanProblem(refused, 429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await call(other.key)).status).toBe(200);
    expect((await fetch(`${t.url}/health/live`)).status).toBe(200);
  });

  it('applies the configured request and connection timeouts to the server', () => {
    const server = t.app.getHttpServer() as import('node:http').Server;
    expect(server.requestTimeout).toBe(30_000);
    expect(server.timeout).toBe(120_000);
  });
});

describe('security headers and CORS [real HTTP]', () => {
  let t: TestApp;
  let withCors: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    withCors = await startTestApp({ CORS_ORIGINS: 'https://dashboard.example.nhs.uk' });
  });
  afterAll(async () => Promise.all([t.close(), withCors.close()]));

  it('sends helmet headers, a locked-down CSP and no-store on the API', async () => {
    const response = await fetch(`${t.url}/v1/streams/organisation-NONE`, { headers: t.auth });
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('gives Swagger UI a CSP that lets it run from its own files', async () => {
    const response = await fetch(`${t.url}/docs`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    const html = await response.text();
    // Every script the page loads is its own file: an inline script would be blocked by this CSP.
    expect(html).not.toMatch(/<script>(?!\s*<\/script>)[^<]/);
  });

  it('has CORS off unless origins are configured', async () => {
    const preflight = (url: string) =>
      fetch(`${url}/v1/export/events`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://dashboard.example.nhs.uk',
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      });
    expect((await preflight(t.url)).headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await preflight(withCors.url);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dashboard.example.nhs.uk');
    // A refusal a browser app can read: the 401 carries the CORS and security headers too.
    const refused = await fetch(`${withCors.url}/v1/export/events`, {
      headers: { origin: 'https://dashboard.example.nhs.uk' },
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe('https://dashboard.example.nhs.uk');
    expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
    const elsewhere = await fetch(`${withCors.url}/health/live`, {
      headers: { origin: 'https://evil.example.com' },
    });
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });
});
