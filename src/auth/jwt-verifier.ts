import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, errors, JWTPayload, jwtVerify } from 'jose';
import type { JWTVerifyGetKey } from 'jose';
import type { AppConfig } from '../config/app-config';
import { isRole, parseOrganisationScope, Principal } from './principal';

/** A token we refuse, with the reason the caller is told (RFC 6750 error_description). */
export class TokenRejected extends Error {}
/** The issuer's keys cannot be fetched: nothing is wrong with the token, so this is not a 401. */
export class KeySetUnavailable extends Error {}

type JwtSettings = Pick<
  AppConfig,
  | 'JWT_ISSUER'
  | 'JWT_AUDIENCE'
  | 'JWT_JWKS_URL'
  | 'JWT_JWKS_FILE'
  | 'JWT_ROLE_CLAIM'
  | 'JWT_ORGS_CLAIM'
  | 'JWT_ALGORITHMS'
  | 'JWT_CLOCK_TOLERANCE_S'
>;

function claimAt(payload: JWTPayload, path: string): unknown {
  if (path in payload) return payload[path];
  return path
    .split('.')
    .reduce<unknown>((value, part) => (value as Record<string, unknown> | undefined)?.[part], payload);
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'The token is not for this service (audience)';
    if (error.claim === 'iss') return 'The token was not issued by the trusted issuer';
    if (error.claim === 'nbf') return 'The token is not valid yet';
    return `The token's ${error.claim} claim is missing or invalid`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return "The token's signature does not verify";
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported)
    return "The token's algorithm is not accepted";
  if (error instanceof errors.JWKSNoMatchingKey) return "No key of the issuer matches the token's key id";
  return 'The token is malformed';
}

/**
 * Verifies OIDC bearer tokens with jose against the issuer's JWKS: signature
 * (asymmetric algorithms only, so `alg: none` and HMAC confusion are refused),
 * issuer, audience, expiry; then reads the role and ODS scope from the
 * configured claims.
 */
export class JwtVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly settings: JwtSettings) {
    this.keys = settings.JWT_JWKS_FILE
      ? createLocalJWKSet(JSON.parse(readFileSync(settings.JWT_JWKS_FILE, 'utf8')))
      : createRemoteJWKSet(new URL(settings.JWT_JWKS_URL as string));
  }

  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.settings.JWT_ISSUER,
        audience: this.settings.JWT_AUDIENCE,
        algorithms: this.settings.JWT_ALGORITHMS,
        clockTolerance: this.settings.JWT_CLOCK_TOLERANCE_S,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      if (
        error instanceof errors.JWKSTimeout ||
        error instanceof errors.JWKSInvalid ||
        error instanceof TypeError
      )
        throw new KeySetUnavailable(String(error));
      throw new TokenRejected(reasonOf(error));
    }
    const roleClaim = claimAt(payload, this.settings.JWT_ROLE_CLAIM);
    const roles = (Array.isArray(roleClaim) ? roleClaim : [roleClaim]).filter(isRole);
    if (roles.length !== 1) {
      throw new TokenRejected(`The token's ${this.settings.JWT_ROLE_CLAIM} claim must name exactly one role`);
    }
    const role = roles[0];
    const orgsClaim = claimAt(payload, this.settings.JWT_ORGS_CLAIM);
    // Roles that are not organisation-scoped need no organisations claim.
    const organisations =
      orgsClaim === undefined && role !== 'submitter' ? '*' : parseOrganisationScope(orgsClaim);
    if (organisations === undefined) {
      throw new TokenRejected(`The token's ${this.settings.JWT_ORGS_CLAIM} claim must be "*" or ODS codes`);
    }
    return { id: String(payload.sub), role, organisations, strategy: 'jwt' };
  }
}
