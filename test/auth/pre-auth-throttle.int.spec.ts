import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { FastifyInstance } from 'fastify';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { authenticationHook } from '../../src/auth/authentication-hook';
import { Authenticator } from '../../src/auth/authenticator';
import { JwtVerifier } from '../../src/auth/jwt-verifier';
import type { Principal } from '../../src/auth/principal';
import { loadConfig } from '../../src/config/load-config';
import { RateLimiter, rateLimitSettings } from '../../src/security/rate-limits';

/** The real verifier (jose, a local JWKS), counting the tokens it is asked to check. */
class CountingVerifier extends JwtVerifier {
  checked = 0;
  override async verify(token: string): Promise<Principal> {
    this.checked++;
    return super.verify(token);
  }
}

describe('the limit before authentication costs no signature check [Fastify inject, real jose verifier]', () => {
  let folder: string;
  let server: FastifyInstance;
  let verifier: CountingVerifier;
  let forged: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'aet-preauth-'));
    const trusted = await generateKeyPair('ES256');
    const stranger = await generateKeyPair('ES256');
    const jwksFile = join(folder, 'jwks.json');
    writeFileSync(
      jwksFile,
      JSON.stringify({ keys: [{ ...(await exportJWK(trusted.publicKey)), kid: 'k1', alg: 'ES256' }] }),
    );
    const config = loadConfig({
      AUTH_MODE: 'jwt',
      JWT_ISSUER: 'https://issuer.example',
      JWT_AUDIENCE: 'always-events-tracker',
      JWT_JWKS_FILE: jwksFile,
      RATE_LIMIT_UNAUTHENTICATED_MAX: '60',
    });
    // Signed by a key the service does not trust: only a signature check can tell.
    forged = await new SignJWT({ role: 'programme-admin', ods_organisations: '*' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject('intruder')
      .setIssuer('https://issuer.example')
      .setAudience('always-events-tracker')
      .setExpirationTime('5m')
      .sign(stranger.privateKey);
    verifier = new CountingVerifier(config);
    server = Fastify();
    server.addHook(
      'onRequest',
      authenticationHook(
        new Authenticator('jwt', undefined, verifier),
        () => 'hash',
        new RateLimiter(rateLimitSettings(config)),
      ),
    );
    server.get('/v1/spread/summary', async () => ({ ok: true }));
  });
  afterAll(async () => {
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('verifies 60 forged tokens from one address, then answers 429 without verifying any more', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 1_500; i++) {
      const answer = await server.inject({
        method: 'GET',
        url: '/v1/spread/summary',
        remoteAddress: '203.0.113.7',
        headers: { authorization: `Bearer ${forged}` },
      });
      statuses.push(answer.statusCode);
    }
    expect(statuses.slice(0, 60)).toEqual(Array(60).fill(401));
    expect(statuses.slice(60)).toEqual(Array(1_440).fill(429));
    expect(verifier.checked).toBe(60);
    // Another address still has its tokens checked.
    const other = await server.inject({
      method: 'GET',
      url: '/v1/spread/summary',
      remoteAddress: '198.51.100.1',
      headers: { authorization: `Bearer ${forged}` },
    });
    expect(other.statusCode).toBe(401);
    expect(verifier.checked).toBe(61);
  });
});
