import type { IncomingHttpHeaders } from 'node:http';
import type { ApiKeyStore } from './api-key-store';
import { findApiKey, principalOfKey } from './api-keys';
import { KeySetUnavailable, TokenRejected } from './jwt-verifier';
import type { JwtVerifier } from './jwt-verifier';
import type { AuthFailure, Principal } from './principal';

export type Authentication =
  | { principal: Principal }
  | { failure: AuthFailure }
  | { none: true }
  /** The token cannot be checked right now (the issuer's keys are unreachable). */
  | { unavailable: string };

const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/** The credential of `Authorization: Bearer <credential>`: an API key or a token, by AUTH_MODE. */
function credentialOf(headers: IncomingHttpHeaders): string | Authentication {
  const authorization = headers.authorization;
  if (authorization === undefined) return { none: true };
  const match = BEARER.exec(authorization);
  if (!match)
    return {
      failure: { error: 'invalid_request', detail: "The Authorization header must be 'Bearer <credential>'" },
    };
  return match[1];
}

/** Turns a request's credentials into a principal with the configured strategy (AUTH_MODE). */
export class Authenticator {
  constructor(
    readonly mode: 'api-key' | 'jwt',
    readonly keys: ApiKeyStore | undefined,
    private readonly jwt: JwtVerifier | undefined,
  ) {}

  async authenticate(headers: IncomingHttpHeaders): Promise<Authentication> {
    const credential = credentialOf(headers);
    if (typeof credential !== 'string') return credential;
    if (this.mode === 'api-key') {
      const entry = findApiKey(this.keys?.entries() ?? [], credential);
      return entry
        ? { principal: principalOfKey(entry) }
        : { failure: { error: 'invalid_token', detail: 'The API key is not valid (unknown or revoked)' } };
    }
    try {
      return { principal: await (this.jwt as JwtVerifier).verify(credential) };
    } catch (error) {
      if (error instanceof TokenRejected)
        return { failure: { error: 'invalid_token', detail: error.message } };
      if (error instanceof KeySetUnavailable) return { unavailable: error.message };
      throw error;
    }
  }
}
