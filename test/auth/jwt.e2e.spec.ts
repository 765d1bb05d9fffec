import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { CryptoKey, JWK } from 'jose';
import { startTestApp, TestApp } from '../support/test-app';

const ISSUER = 'https://login.example.nhs.uk/realms/always-events';
const AUDIENCE = 'always-events-tracker';
const KID = 'test-key-1';

interface Problem {
  status: number;
  detail: string;
  type: string;
}

/** Signs a token with the given claims; defaults give a valid programme-admin token. */
async function token(
  key: CryptoKey,
  claims: Record<string, unknown> = {},
  options: { issuer?: string; audience?: string; expiresIn?: string | number; kid?: string } = {},
): Promise<string> {
  return new SignJWT({ role: 'programme-admin', ods_organisations: '*', ...claims })
    .setProtectedHeader({ alg: 'ES256', kid: options.kid ?? KID })
    .setSubject('user-42@example.nhs.uk')
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '5m')
    .sign(key);
}

const base64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('JWT bearer tokens (AUTH_MODE=jwt) [real HTTP, JWKS served over HTTP]', () => {
  let t: TestApp;
  let jwks: Server;
  let signing: CryptoKey;
  let stranger: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    signing = pair.privateKey;
    stranger = (await generateKeyPair('ES256')).privateKey;
    const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: KID, alg: 'ES256', use: 'sig' };
    jwks = createServer((_, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    t = await startTestApp({
      AUTH_MODE: 'jwt',
      JWT_ISSUER: ISSUER,
      JWT_AUDIENCE: AUDIENCE,
      JWT_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`,
    });
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => jwks.close(resolve));
  });

  const call = async (bearer: string | undefined, path = '/v1/export/events') => {
    const response = await fetch(`${t.url}${path}`, {
      headers: bearer === undefined ? {} : { authorization: `Bearer ${bearer}` },
    });
    const text = await response.text();
    return {
      status: response.status,
      challenge: response.headers.get('www-authenticate'),
      contentType: response.headers.get('content-type') ?? '',
      text,
    };
  };

  it('accepts a valid token and takes the role and organisations from its claims', async () => {
    expect((await call(await token(signing))).status).toBe(200);
    const submitter = await token(signing, { role: 'submitter', ods_organisations: ['RIN'] });
    expect((await call(submitter)).status).toBe(403);
    expect((await call(submitter, '/v1/streams/organisation-ROUT')).status).toBe(403);
  });

  const refusals: Array<[string, () => Promise<string>, RegExp]> = [
    ['expired', () => token(signing, {}, { expiresIn: Math.floor(Date.now() / 1000) - 3600 }), /expired/],
    ['for another audience', () => token(signing, {}, { audience: 'another-service' }), /audience/],
    ['from another issuer', () => token(signing, {}, { issuer: 'https://evil.example.com' }), /issuer/],
    ['signed by another key', () => token(stranger, {}), /signature/],
    [
      'unsigned (alg: none)',
      async () => {
        const [, payload] = (await token(signing)).split('.');
        return `${base64url({ alg: 'none', typ: 'JWT' })}.${payload}.`;
      },
      /algorithm|malformed/,
    ],
    [
      'signed with HMAC over the public key (algorithm confusion)',
      async () => {
        const [, payload] = (await token(signing)).split('.');
        return `${base64url({ alg: 'HS256', kid: KID })}.${payload}.c2lnbmF0dXJl`;
      },
      /algorithm/,
    ],
    ['without a role we know', () => token(signing, { role: 'superuser' }), /role/],
    ['not a JWT at all', async () => 'not-a-token', /malformed/],
  ];

  it.each(refusals)(
    'refuses a token %s with 401 problem+json and a Bearer challenge',
    async (_, make, reason) => {
      const reply = await call(await make());
      expect(reply.status).toBe(401);
      expect(reply.contentType).toMatch(/^application\/problem\+json/);
      expect(reply.challenge).toMatch(/^Bearer realm="always-events", error="invalid_token"/);
      const problem = JSON.parse(reply.text) as Problem;
      expect(problem).toMatchObject({ status: 401, type: 'urn:always-events:problem:unauthorised' });
      expect(problem.detail).toMatch(reason);
      expect(reply.text).not.toMatch(/\n\s+at |node_modules|JWSSignatureVerificationFailed|ERR_/);
    },
  );

  it('records the token subject as the actor of the events it writes', async () => {
    const admin = await token(signing);
    const written = await fetch(`${t.url}/v1/commands/RegisterOrganisation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({
        odsCode: 'RJW',
        name: 'NHS trust RJW',
        type: 'AcuteTrust',
        regionCode: 'Y56',
        isNhsTrust: true,
        openDate: '2005-04-01',
      }),
    });
    expect(written.status).toBe(201);
    const events = JSON.parse((await call(admin, '/v1/streams/organisation-RJW/events')).text) as {
      events: Array<{ metadata: Record<string, unknown> }>;
    };
    expect(events.events[0].metadata).toMatchObject({
      actor: 'user-42@example.nhs.uk',
      actorRole: 'programme-admin',
      authStrategy: 'jwt',
    });
  });
});

describe('JWT with a local JWKS file (JWT_JWKS_FILE) [real HTTP]', () => {
  let t: TestApp;
  let folder: string;
  let signing: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    signing = pair.privateKey;
    folder = mkdtempSync(join(tmpdir(), 'aet-jwks-'));
    const file = join(folder, 'jwks.json');
    writeFileSync(
      file,
      JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'file-key', alg: 'RS256' }] }),
    );
    t = await startTestApp({
      AUTH_MODE: 'jwt',
      JWT_ISSUER: ISSUER,
      JWT_AUDIENCE: AUDIENCE,
      JWT_JWKS_FILE: file,
    });
  });
  afterAll(async () => {
    await t.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('verifies tokens against the file and refuses others', async () => {
    const valid = await new SignJWT({ role: 'auditor' })
      .setProtectedHeader({ alg: 'RS256', kid: 'file-key' })
      .setSubject('auditor-1')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(signing);
    const ok = await fetch(`${t.url}/v1/history/changes?since=2000-01-01`, {
      headers: { authorization: `Bearer ${valid}` },
    });
    expect(ok.status).toBe(200);
    const export_ = await fetch(`${t.url}/v1/export/events`, {
      headers: { authorization: `Bearer ${valid}` },
    });
    expect(export_.status).toBe(403);
    const none = await fetch(`${t.url}/v1/export/events`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="always-events"');
  });
});
