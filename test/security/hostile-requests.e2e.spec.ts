import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, EventStore } from '../../src/event-store';
import { JSON_LIMITS } from '../../src/shared/validation/json-limits';
import { authHeaders } from '../support/credentials';
import { RawAnswer, sendRaw } from '../support/http';
import { storeUnderTest } from '../support/store-under-test';
import { startTestApp, TestApp } from '../support/test-app';

const send = (t: TestApp, path: string, options?: Parameters<typeof sendRaw>[2]): Promise<RawAnswer> =>
  sendRaw(t.url, path, options);

const rename = (newName: unknown) => JSON.stringify({ odsCode: 'RH1', newName, effectiveDate: '2018-01-01' });
const dissolve = (reason: unknown) => JSON.stringify({ odsCode: 'RH1', effectiveDate: '2019-01-01', reason });
const nested = (depth: number, inner = '1', open = '{"a":', close = '}') =>
  `${open.repeat(depth)}${inner}${close.repeat(depth)}`;

describe(`hostile requests [${storeUnderTest}, real HTTP, log file]`, () => {
  let t: TestApp;
  let logFolder: string;
  let head: number;

  beforeAll(async () => {
    logFolder = mkdtempSync(join(tmpdir(), 'aet-hostile-log-'));
    t = await startTestApp({ LOG_LEVEL: 'debug', LOG_FILE: join(logFolder, 'app.log') });
    const registered = await send(t, '/v1/commands/RegisterOrganisation', {
      body: JSON.stringify({
        odsCode: 'RH1',
        name: 'Hostile Test NHS Trust',
        type: 'AcuteTrust',
        regionCode: 'Y56',
        isNhsTrust: true,
        openDate: '2005-04-01',
      }),
    });
    expect(registered.status).toBe(201);
    head = await t.app.get<symbol, EventStore>(EVENT_STORE).headPosition();
  });
  afterAll(async () => {
    await t?.close();
    rmSync(logFolder, { recursive: true, force: true });
  });

  const nothingWritten = async () =>
    expect(await t.app.get<symbol, EventStore>(EVENT_STORE).headPosition()).toBe(head);

  describe('control characters and other text the service may not hold: 400 naming the field', () => {
    it.each([
      ['NUL, an ANSI escape and a right-to-left override', 'X\u0000\u001b[31mY\u202e', 'control-character'],
      ['a lone surrogate', 'X\ud800', 'lone-surrogate'],
      ['a bidi isolate', 'Royal \u2067Trust', 'bidi-control'],
      ['a C1 control', 'Royal\u0085Trust', 'control-character'],
      ['a non-character', 'Royal \ufdd0Trust', 'non-character'],
      ['a tab in a short field', 'Royal\tTrust', 'line-break'],
      ['a line break in a short field', 'Royal\nTrust', 'line-break'],
    ])('%s', async (_, name, rule) => {
      const answer = await send(t, '/v1/commands/RenameOrganisation', { body: rename(name) });
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'newName', rule })]);
      expect(answer.text).not.toMatch(/\\u0000|\\u001b|\\ud800|\\u2067|\\u0085|\\ufdd0|\\t|\\n/);
      await nothingWritten();
    });

    it('in a list item and in a query parameter, too', async () => {
      const launch = await send(t, '/v1/commands/LaunchProgramme', {
        body: JSON.stringify({
          programmeSlug: 'p',
          name: 'P',
          sponsors: ['NHS\u0007England'],
          startDate: '2016-01-01',
        }),
      });
      expect(launch.status).toBe(400);
      expect(launch.body.errors).toEqual([
        expect.objectContaining({ field: 'sponsors.0', rule: 'control-character' }),
      ]);
      const query = await send(t, '/v1/evaluation/always-events?asOf=%1b%5b31m');
      expect(query.status).toBe(400);
      expect(query.body.errors).toEqual([
        expect.objectContaining({ field: 'query.asOf', rule: 'control-character' }),
      ]);
      const path = await send(t, '/v1/streams/organisation-%1b%5b31m');
      expect(path.status).toBe(400);
      expect(path.body).not.toHaveProperty('instance');
      await nothingWritten();
    });

    it('a long free-text field may hold tabs and line breaks (CRLF too), but not a lone CR', async () => {
      const refused = await send(t, '/v1/commands/DissolveOrganisation', {
        body: dissolve('Merged\rinto RH2'),
      });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([
        expect.objectContaining({ field: 'reason', rule: 'control-character' }),
      ]);
      await nothingWritten();
      const accepted = await send(t, '/v1/commands/DissolveOrganisation', {
        body: dissolve('Merged into RH2.\r\n\tSee the board papers.\nDone.'),
      });
      expect(accepted.status).toBe(201);
      const [, dissolved] = await t.app.get<symbol, EventStore>(EVENT_STORE).readStream('organisation-RH1');
      expect(dissolved.data).toMatchObject({ reason: 'Merged into RH2.\r\n\tSee the board papers.\nDone.' });
      head = await t.app.get<symbol, EventStore>(EVENT_STORE).headPosition();
    });
  });

  describe('body shapes: a 400 naming the limit or the key, before anything recursive runs', () => {
    const wide = `{${Array.from({ length: JSON_LIMITS.maxObjectKeys + 1 }, (_, i) => `"k${i}":1`).join(',')}}`;
    const long = `[${Array(JSON_LIMITS.maxArrayLength + 1)
      .fill('0')
      .join(',')}]`;
    it.each([
      ['an object nested 10,000 deep', nested(10_000), 'max-depth'],
      ['an array nested 10,000 deep', nested(10_000, '1', '[', ']'), 'max-depth'],
      [
        'a valid command with a field nested 40 deep',
        dissolve('x').replace('"x"', nested(40, '"x"', '[', ']')),
        'max-depth',
      ],
      ['one level past the limit', nested(JSON_LIMITS.maxDepth + 1), 'max-depth'],
      ['an array of 100,001 items', `{"reason":${long}}`, 'max-array-length'],
      ['an object of 1,001 keys', wide, 'max-object-keys'],
      ['a duplicated key', '{"odsCode":"RH1","reason":"a","reason":"b"}', 'duplicate-key'],
      ['a duplicated nested key', '{"extra":{"a":1,"a":2}}', 'duplicate-key'],
      ['a duplicated key spelt with an escape', '{"reason":"a","re\\u0061son":"b"}', 'duplicate-key'],
      ['__proto__', '{"__proto__":{"isAdmin":true}}', 'prototype-key'],
      ['__proto__ spelt with an escape', '{"\\u005f_proto__":{}}', 'prototype-key'],
      ['constructor', '{"odsCode":"RH1","constructor":{"prototype":{}}}', 'prototype-key'],
      ['a nested prototype', '{"extra":[{"prototype":1}]}', 'prototype-key'],
    ])('%s', async (_, body, rule) => {
      const answer = await send(t, '/v1/commands/DissolveOrganisation', { body });
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([expect.objectContaining({ rule })]);
      await nothingWritten();
    });

    it('names the limit, and a duplicated key only when the key itself is clean', async () => {
      const deep = await send(t, '/v1/commands/DissolveOrganisation', { body: nested(10_000) });
      expect(deep.body.errors?.[0].message).toBe(
        `The body is nested more than ${JSON_LIMITS.maxDepth} levels deep`,
      );
      const duplicate = await send(t, '/v1/commands/DissolveOrganisation', {
        body: '{"extra":{"a":1,"a":2}}',
      });
      expect(duplicate.body.errors?.[0]).toMatchObject({
        field: 'extra.a',
        message: 'extra.a appears more than once',
      });
      const secret = await send(t, '/v1/commands/DissolveOrganisation', {
        body: '{"943 476 5919":1,"943 476 5919":2}',
      });
      expect(secret.status).toBe(400);
      expect(secret.body.errors?.[0].field).toBe('(a field name)');
      // Not even a fragment of the number, anywhere but in the random correlation id (which can hold "943").
      expect(secret.text.replace(String(secret.body.correlationId), '')).not.toMatch(/943|5919/);
    });

    it.each([
      ['null', 'null', 400],
      ['an array', '[]', 400],
      ['a string', '"x"', 400],
      ['a number', '1', 400],
      ['truncated JSON', '{"odsCode":"RH1",', 400],
      ['an empty body', '', 400],
      ['a byte-order mark before JSON', '\ufeff{}', 400],
      ['a body over the limit', `{"reason":"${'x'.repeat(1_100_000)}"}`, 413],
    ])('%s gets a clean %s', async (_, body, status) => {
      const answer = await send(t, '/v1/commands/DissolveOrganisation', { body });
      expect(answer.status).toBe(status);
      expect(answer.contentType).toMatch(/^application\/problem\+json/);
      expect(answer.text).not.toMatch(/"odsCode":"RH1",|\s+at \S+ \(/);
      await nothingWritten();
    });

    it('other content types and encodings: 4xx, never 5xx', async () => {
      const attempts = [
        { body: new Blob([new Uint8Array([0x7b, 0x22, 0x72, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])]) },
        {
          body: 'a[b][c]=1&__proto__[x]=1',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        },
        { body: '{"odsCode":"RH1"}', headers: { 'content-type': 'text/plain' } },
        { body: '<x/>', headers: { 'content-type': 'application/xml' } },
        { body: '{}', headers: { 'content-type': 'application/json; charset=latin1' } },
      ];
      for (const attempt of attempts) {
        const answer = await send(t, '/v1/commands/DissolveOrganisation', attempt);
        expect(answer.status).toBeGreaterThanOrEqual(400);
        expect(answer.status).toBeLessThan(500);
        expect(answer.contentType).toMatch(/^application\/problem\+json/);
      }
      await nothingWritten();
    });

    it('no JSON value of any shape yields a 5xx (fast-check, 150 bodies)', async () => {
      await fc.assert(
        fc.asyncProperty(fc.jsonValue({ maxDepth: 40 }), async (value) => {
          const answer = await send(t, '/v1/commands/DissolveOrganisation', { body: JSON.stringify(value) });
          expect(answer.status).toBeGreaterThanOrEqual(400);
          expect(answer.status).toBeLessThan(500);
        }),
        { numRuns: 150 },
      );
      await nothingWritten();
    });
  });

  describe('headers and parameters', () => {
    it.each([
      ['an Idempotency-Key over 128 characters', { 'idempotency-key': 'k'.repeat(129) }, 'Idempotency-Key'],
      ['an Idempotency-Key with a space', { 'idempotency-key': 'a key' }, 'Idempotency-Key'],
      ['an Idempotency-Key with a non-ASCII letter', { 'idempotency-key': 'cl\u00e9' }, 'Idempotency-Key'],
      ['a weak If-Match', { 'if-match': 'W/"0"' }, 'If-Match'],
      ['an If-Match that is not a revision', { 'if-match': '"abc"' }, 'If-Match'],
      ['an If-Match list', { 'if-match': '"0", "1"' }, 'If-Match'],
      ['an X-Source-System with a slash', { 'x-source-system': 'a/b' }, 'X-Source-System'],
    ])('%s: 400 naming the header, nothing written', async (_, headers, field) => {
      const answer = await send(t, '/v1/commands/DissolveOrganisation', { body: dissolve('fine'), headers });
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([expect.objectContaining({ field })]);
      await nothingWritten();
    });

    it.each(['__proto__', 'constructor', 'prototype', '__proto__[isAdmin]'])(
      '?%s=1 is refused like any unknown parameter',
      async (name) => {
        const unknown = await send(t, '/v1/evaluation/always-events?colour=1');
        expect(unknown.status).toBe(400);
        expect(unknown.body.errors).toEqual([expect.objectContaining({ rule: 'unknown-field' })]);
        for (const path of ['/v1/evaluation/always-events', '/v1/streams/organisation-RH1/events']) {
          const answer = await send(
            t,
            `${path}?${encodeURIComponent(name).replace('%5B', '[').replace('%5D', ']')}=1`,
          );
          expect(answer.status).toBe(400);
          expect(answer.body.errors).toEqual(
            expect.arrayContaining([expect.objectContaining({ rule: 'unknown-field' })]),
          );
        }
      },
    );
  });

  describe("the framework's own refusals: problem+json quoting nothing", () => {
    it('a 5,000-character path parameter: 414', async () => {
      const answer = await send(t, `/v1/streams/${'a'.repeat(5_000)}`);
      expect(answer.status).toBe(414);
      expect(answer.contentType).toMatch(/^application\/problem\+json/);
      expect(answer.body).toMatchObject({ type: 'urn:always-events:problem:uri-too-long', status: 414 });
      expect(answer.body).not.toHaveProperty('instance');
      expect(answer.text).not.toContain('aaaaaaaaaa');
    });

    it('a malformed percent-encoding in a path parameter: 400', async () => {
      const answer = await send(t, '/v1/streams/organisation-%E0%A4%A');
      expect(answer.status).toBe(400);
      expect(answer.contentType).toMatch(/^application\/problem\+json/);
      expect(answer.text).not.toContain('%E0');
    });

    it('an unknown route: 404 without "Cannot GET <path>"', async () => {
      const answer = await send(t, '/v1/no-such-route-7c2d');
      expect(answer.status).toBe(404);
      expect(answer.body.detail).toBe('Nothing is served at this path');
      expect(answer.body.detail).not.toContain('7c2d');
    });

    it('no stack trace, no error-level line in the log after all of the above', () => {
      const log = readFileSync(join(logFolder, 'app.log'), 'utf8');
      expect(log).toContain('"statusCode":400');
      expect(log).not.toMatch(/"stack"|\\n\s+at |"level":50|"level":60/);
    });
  });
});

/** Writes `head`, then one byte of `trickle` a second, and says when (and what) the server answered. */
function trickle(url: string, head: string, trickle: string): Promise<{ ms: number; answer: string }> {
  const { hostname, port } = new URL(url);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = connect(Number(port), hostname, () => socket.write(head));
    let i = 0;
    const timer = setInterval(() => {
      if (socket.writable && i < trickle.length) socket.write(trickle[i++]);
    }, 1_000);
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ ms: Date.now() - started, answer });
    });
    socket.on('error', reject);
  });
}

describe(`request timeouts [${storeUnderTest}, real HTTP, raw sockets]`, () => {
  const TIMEOUT_MS = 2_000;
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ REQUEST_TIMEOUT_MS: String(TIMEOUT_MS) });
  });
  afterAll(async () => t?.close());

  // The bound is what the setting promises (its time, then at most the one-second check), not a benchmark.
  it.each([
    [
      'a body sent at one byte a second',
      `POST /v1/commands/DissolveOrganisation HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n`,
      '{"odsCode":"RH1"'.padEnd(100, ' '),
    ],
    [
      'headers sent at one byte a second',
      'GET /health/live HTTP/1.1\r\n',
      'X-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  ])('%s is answered 408 problem+json within two seconds of REQUEST_TIMEOUT_MS', async (_, head, rest) => {
    const { ms, answer } = await trickle(
      t.url,
      head.replace('Host: x\r\n', `Host: x\r\nAuthorization: ${authHeaders(t.url).authorization}\r\n`),
      rest,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain('application/problem+json');
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 100);
    expect(ms).toBeLessThan(TIMEOUT_MS + 2_000);
  });
});
