import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';
import { testKey } from '../support/credentials';
import { expectCleanProblem, Reply } from '../support/problems';

async function get(url: string, headers: Record<string, string> = {}): Promise<Reply> {
  const response = await fetch(`${url}/v1/export/events`, { headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text || '{}') };
}

describe('missing, malformed and revoked credentials [real HTTP]', () => {
  let t: TestApp;
  const active = testKey('trust-rin', 'programme-admin');
  const toRevoke = testKey('old-integration', 'programme-admin');
  const toRemove = testKey('decommissioned', 'programme-admin');
  const revokedInEnv = testKey('revoked-in-env', 'programme-admin');
  let file: string;

  const writeKeys = (entries: object[]): void =>
    writeFileSync(file, JSON.stringify({ keys: entries }, null, 2));

  beforeAll(async () => {
    t = await startTestApp({ API_KEYS: JSON.stringify([{ ...revokedInEnv.entry, revoked: true }]) });
    file = join(t.folder, 'api-keys.json');
    writeKeys([active.entry, toRevoke.entry, toRemove.entry]);
  });
  afterAll(async () => t.close());

  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

  it('answers no credentials with 401 and a Bearer challenge', async () => {
    const reply = await get(t.url);
    expectCleanProblem(reply, 401);
    expect(reply.headers.get('www-authenticate')).toBe('Bearer realm="always-events"');
    expect(reply.body.detail).toMatch(/Authorization: Bearer/);
  });

  it.each([
    ['a Basic credential', { authorization: 'Basic dXNlcjpwYXNz' }, 'invalid_request'],
    ['a Bearer with no credential', { authorization: 'Bearer ' }, 'invalid_request'],
    ['a Bearer with spaces inside', { authorization: 'Bearer aek_one two' }, 'invalid_request'],
    ['an unknown key', { authorization: `Bearer aek_${'x'.repeat(43)}` }, 'invalid_token'],
    ['a short key', { authorization: 'Bearer short' }, 'invalid_token'],
  ])('answers %s with 401 naming the error', async (_, headers, error) => {
    const reply = await get(t.url, headers);
    expectCleanProblem(reply, 401);
    expect(reply.headers.get('www-authenticate')).toContain(`error="${error}"`);
  });

  it('takes credentials from Authorization only', async () => {
    expectCleanProblem(await get(t.url, { 'x-api-key': active.key }), 401);
  });

  it('stops a key marked revoked, or removed from the file, on the next request', async () => {
    expect((await get(t.url, bearer(toRevoke.key))).status).toBe(200);
    expect((await get(t.url, bearer(toRemove.key))).status).toBe(200);
    writeKeys([active.entry, { ...toRevoke.entry, revoked: true }]);
    for (const key of [toRevoke.key, toRemove.key]) {
      const reply = await get(t.url, bearer(key));
      expectCleanProblem(reply, 401);
      expect(reply.body.detail).toBe('The API key is not valid (unknown or revoked)');
    }
    expect((await get(t.url, bearer(active.key))).status).toBe(200);
  });

  it('refuses a key revoked in API_KEYS', async () => {
    expectCleanProblem(await get(t.url, bearer(revokedInEnv.key)), 401);
  });

  it('fails closed when the key file is broken while running, and recovers when it is fixed', async () => {
    writeFileSync(file, '{ "keys": [ { "id": "half-written"');
    expectCleanProblem(await get(t.url, bearer(active.key)), 401);
    writeKeys([active.entry]);
    expect((await get(t.url, bearer(active.key))).status).toBe(200);
  });

  it('keeps health and the API documentation public', async () => {
    for (const path of ['/health/live', '/health/ready', '/openapi.json', '/docs']) {
      expect({ path, status: (await fetch(`${t.url}${path}`)).status }).toEqual({ path, status: 200 });
    }
  });
});
