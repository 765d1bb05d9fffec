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
const API_KEY = /^[A-Za-z0-9\-._~+/]+=*$/;

const malformed = (detail: string): Authentication => ({ failure: { error: 'invalid_request', detail } });

/** The one credential a request carries, from `Authorization: Bearer` or (API keys) `X-API-Key`. */
function credentialOf(headers: IncomingHttpHeaders, acceptApiKeyHeader: boolean): string | Authentication {
  const authorization = headers.authorization;
  const apiKey = acceptApiKeyHeader ? headers['x-api-key'] : undefined;
  if (authorization === undefined && apiKey === undefined) return { none: true };
  if (Array.isArray(apiKey)) return malformed('Send one X-API-Key header');
  let fromAuthorization: string | undefined;
  if (authorization !== undefined) {
    const match = BEARER.exec(authorization);
    if (!match) return malformed("The Authorization header must be 'Bearer <credential>'");
    fromAuthorization = match[1];
  }
  if (apiKey !== undefined && !API_KEY.test(apiKey)) return malformed('The X-API-Key header is malformed');
  if (fromAuthorization !== undefined && apiKey !== undefined && fromAuthorization !== apiKey) {
    return malformed('Authorization and X-API-Key carry different credentials');
  }
  return (fromAuthorization ?? apiKey) as string;
}

/** Turns a request's credentials into a principal with the configured strategy (AUTH_MODE). */
export class Authenticator {
  constructor(
    readonly mode: 'api-key' | 'jwt',
    readonly keys: ApiKeyStore | undefined,
    private readonly jwt: JwtVerifier | undefined,
  ) {}

  async authenticate(headers: IncomingHttpHeaders): Promise<Authentication> {
    const credential = credentialOf(headers, this.mode === 'api-key');
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
