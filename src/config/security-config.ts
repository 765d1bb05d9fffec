import { Transform } from 'class-transformer';
import { booleanFlag, list, trimmed } from './env-transforms';
import { IntegerSetting } from './integer-setting';
import { ROLES } from '../auth/principal';
import type { Role } from '../auth/principal';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, ValidateIf } from 'class-validator';

export const AUTH_MODES = ['api-key', 'jwt'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

const JWT_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];
const jwt = (config: SecurityConfig): boolean => config.AUTH_MODE === 'jwt';

/**
 * Authentication, authorisation and HTTP hardening settings
 * (docs/operations/authentication.md). AppConfig extends this class so every setting
 * is still named after its environment variable.
 */
export class SecurityConfig {
  @Transform(trimmed)
  @IsIn(AUTH_MODES)
  AUTH_MODE: AuthMode = 'api-key';

  /** JSON `{ "keys": [...] }` of hashed keys; when unset, `api-keys.json` beside SQLITE_PATH. */
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  API_KEYS_FILE?: string = undefined;

  /** The same entries as the file, as a JSON array, for deployments that inject secrets as variables. */
  @IsOptional()
  @IsString()
  API_KEYS?: string = undefined;

  /** On the first start of an empty embedded store with no keys configured, create and print one admin key. */
  @Transform(booleanFlag)
  @IsIn([true, false], { message: 'DEV_API_KEY_ON_EMPTY_STORE must be true or false' })
  DEV_API_KEY_ON_EMPTY_STORE: boolean = true;

  @ValidateIf(jwt)
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty({ message: 'JWT_ISSUER is required when AUTH_MODE=jwt' })
  JWT_ISSUER?: string = undefined;

  @ValidateIf(jwt)
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty({ message: 'JWT_AUDIENCE is required when AUTH_MODE=jwt' })
  JWT_AUDIENCE?: string = undefined;

  @ValidateIf((config: SecurityConfig) => jwt(config) && config.JWT_JWKS_FILE === undefined)
  @Transform(trimmed)
  @IsUrl(
    { require_tld: false, protocols: ['https', 'http'] },
    { message: 'JWT_JWKS_URL (or JWT_JWKS_FILE) is required when AUTH_MODE=jwt, as an http(s) URL' },
  )
  JWT_JWKS_URL?: string = undefined;

  /** A local JWKS (JSON) instead of JWT_JWKS_URL: for tests and air-gapped deployments. */
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  JWT_JWKS_FILE?: string = undefined;

  /** Claim holding the role (a string, or an array holding exactly one of our roles); dots reach into objects. */
  @Transform(trimmed)
  @Matches(/^[A-Za-z0-9_:./-]{1,128}$/, { message: 'JWT_ROLE_CLAIM must be a claim name or dotted path' })
  JWT_ROLE_CLAIM: string = 'role';

  /** Claim holding the ODS codes in scope (an array, or a space- or comma-separated string; `*` for all). */
  @Transform(trimmed)
  @Matches(/^[A-Za-z0-9_:./-]{1,128}$/, { message: 'JWT_ORGS_CLAIM must be a claim name or dotted path' })
  JWT_ORGS_CLAIM: string = 'ods_organisations';

  @Transform(list)
  @IsIn(JWT_ALGORITHMS, { each: true })
  JWT_ALGORITHMS: string[] = ['RS256', 'PS256', 'ES256', 'EdDSA'];

  @IntegerSetting(0, 300)
  JWT_CLOCK_TOLERANCE_S: number = 5;

  /** Salt for the client IP hash recorded on events; a random one per process when unset (hashes then differ across restarts). */
  @IsOptional()
  @IsString()
  @Matches(/^.{16,}$/, { message: 'CLIENT_IP_HASH_SALT must be at least 16 characters' })
  CLIENT_IP_HASH_SALT?: string = undefined;

  /** Fastify trustProxy: `false`, `true`, a hop count, or addresses/CIDRs (comma-separated) of trusted proxies. */
  @Transform(trimmed)
  @Matches(/^(true|false|\d{1,2}|[0-9a-fA-F.:/]+(,\s*[0-9a-fA-F.:/]+)*)$/, {
    message: 'TRUST_PROXY must be true, false, a hop count or a comma-separated list of addresses',
  })
  TRUST_PROXY: string = 'false';

  /**
   * Interactive limit, per credential per RATE_LIMIT_WINDOW_MS: every query, and the commands of
   * roles not in RATE_LIMIT_BULK_ROLES (docs/operations/rate-limits.md). Public routes are not limited.
   */
  @IntegerSetting(1, 10_000_000, 'requests per credential per window')
  RATE_LIMIT_MAX: number = 1200;

  /** Bulk limit, per credential per window, for the commands of RATE_LIMIT_BULK_ROLES (upstream systems, imports). */
  @IntegerSetting(1, 100_000_000, 'commands per credential per window')
  RATE_LIMIT_BULK_MAX: number = 180_000;

  /** Roles whose commands get RATE_LIMIT_BULK_MAX: the writers of bulk data. */
  @Transform(list)
  @IsIn(ROLES, {
    each: true,
    message: `RATE_LIMIT_BULK_ROLES must be a comma-separated list of ${ROLES.join(', ')}`,
  })
  RATE_LIMIT_BULK_ROLES: Role[] = ['programme-admin', 'submitter'];

  /**
   * Per client address per window: requests to protected routes with no credential or a refused
   * one. Past it, the address gets 429 on protected routes before any credential is checked.
   */
  @IntegerSetting(1, 10_000_000, 'refused requests per client address per window')
  RATE_LIMIT_UNAUTHENTICATED_MAX: number = 60;

  @IntegerSetting(1000, 86_400_000, 'milliseconds')
  RATE_LIMIT_WINDOW_MS: number = 60_000;

  /** Time to receive a whole request (headers and body); 408 after it. */
  @IntegerSetting(1000, 3_600_000)
  REQUEST_TIMEOUT_MS: number = 30_000;

  /** Idle socket timeout. */
  @IntegerSetting(1000, 3_600_000)
  CONNECTION_TIMEOUT_MS: number = 120_000;

  /** Time from routing to the start of the response; 503 after it (a command may still complete: retry with the same key). */
  @IntegerSetting(1000, 3_600_000)
  HANDLER_TIMEOUT_MS: number = 120_000;

  /** Largest request head (request line and headers) accepted; 431 above it. */
  @IntegerSetting(4096, 1_048_576)
  MAX_HEADER_BYTES: number = 16_384;

  /** Origins allowed by CORS (comma-separated); CORS is off when unset. */
  @IsOptional()
  @Transform(list)
  @Matches(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, {
    each: true,
    message: 'each CORS_ORIGINS entry must be an origin such as https://dashboard.example.nhs.uk',
  })
  CORS_ORIGINS?: string[] = undefined;

  /**
   * The principal Kafka commands run as: `role:ODS1,ODS2` (or `role:*`), or
   * `topic=role:orgs` entries separated by `;`. Unset: Kafka commands are refused.
   */
  @IsOptional()
  @Transform(trimmed)
  @Matches(
    /^([A-Za-z0-9._-]+=)?[a-z-]+:(\*|[A-Z0-9]{3,10}(,[A-Z0-9]{3,10})*)(;([A-Za-z0-9._-]+=)?[a-z-]+:(\*|[A-Z0-9]{3,10}(,[A-Z0-9]{3,10})*))*$/,
    {
      message: 'KAFKA_COMMANDS_PRINCIPAL must be role:ODS1,ODS2 (or role:*), optionally topic=role:orgs;...',
    },
  )
  KAFKA_COMMANDS_PRINCIPAL?: string = undefined;
}
