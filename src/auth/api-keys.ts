import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  isRole,
  OrganisationScope,
  parseOrganisationScope,
  Principal,
  RateLimitOverride,
  Role,
  ROLES,
} from './principal';

/** One configured key: only its hash is ever stored. */
export interface ApiKeyEntry {
  id: string;
  role: Role;
  organisations: OrganisationScope;
  /** `sha256:<64 hex>` of the whole key. */
  hash: string;
  revoked?: boolean;
  sourceSystem?: string;
  description?: string;
  /** Limits of this key per window, instead of its role's (docs/operations/rate-limits.md). */
  rateLimit?: RateLimitOverride;
}

export class ApiKeyConfigError extends Error {}

const ID = /^[A-Za-z0-9._:-]{1,64}$/;
const HASH = /^sha256:[0-9a-f]{64}$/;
const SOURCE = /^[A-Za-z0-9._-]{1,64}$/;
const KEY_PREFIX = 'aek_';
/** Shortest key worth hashing: anything shorter cannot be one we issued. */
const MIN_KEY_LENGTH = 32;

/**
 * Keys are 256 random bits, so a fast hash is enough: there is nothing to
 * brute-force that a slow hash (scrypt) would protect, and every request can
 * afford it.
 */
export function hashApiKey(key: string): string {
  return `sha256:${createHash('sha256').update(key, 'utf8').digest('hex')}`;
}

export function generateApiKey(): string {
  return `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** Checks one parsed JSON entry; `where` names it in the error (e.g. `API_KEYS[2]`). */
function parseEntry(raw: unknown, where: string): ApiKeyEntry {
  const entry = raw as Partial<Record<keyof ApiKeyEntry | 'key', unknown>>;
  const fail = (why: string): never => {
    throw new ApiKeyConfigError(`${where}: ${why}`);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('must be an object');
  if ('key' in entry) fail('holds a plain key; store only its hash (npm run cli -- create-api-key)');
  if (typeof entry.id !== 'string' || !ID.test(entry.id)) fail('id must be 1 to 64 of A-Z a-z 0-9 . _ : -');
  if (!isRole(entry.role)) fail(`role must be one of ${ROLES.join(', ')}`);
  const organisations = parseOrganisationScope(entry.organisations);
  if (organisations === undefined) fail('organisations must be "*" or a list of ODS codes');
  if (typeof entry.hash !== 'string' || !HASH.test(entry.hash)) fail('hash must be sha256:<64 hex digits>');
  if (entry.revoked !== undefined && typeof entry.revoked !== 'boolean')
    fail('revoked must be true or false');
  if (
    entry.sourceSystem !== undefined &&
    (typeof entry.sourceSystem !== 'string' || !SOURCE.test(entry.sourceSystem))
  )
    fail('sourceSystem must be 1 to 64 of A-Z a-z 0-9 . _ -');
  const rateLimit = parseRateLimit(entry.rateLimit, fail);
  return {
    id: entry.id as string,
    role: entry.role as Role,
    organisations: organisations as OrganisationScope,
    hash: entry.hash as string,
    ...(entry.revoked !== undefined ? { revoked: entry.revoked as boolean } : {}),
    ...(entry.sourceSystem !== undefined ? { sourceSystem: entry.sourceSystem as string } : {}),
    ...(typeof entry.description === 'string' ? { description: entry.description } : {}),
    ...(rateLimit ? { rateLimit } : {}),
  };
}

const LIMIT_KINDS = ['commands', 'queries'] as const;

function parseRateLimit(raw: unknown, fail: (why: string) => never): RateLimitOverride | undefined {
  if (raw === undefined) return undefined;
  const given = raw as Record<string, unknown>;
  const shape =
    typeof raw === 'object' &&
    raw !== null &&
    !Array.isArray(raw) &&
    Object.keys(given).every((kind) => (LIMIT_KINDS as readonly string[]).includes(kind)) &&
    Object.values(given).every((n) => Number.isSafeInteger(n) && (n as number) >= 1);
  if (!shape) fail('rateLimit must be { "commands"?: n, "queries"?: n } with whole numbers ≥ 1');
  return given as RateLimitOverride;
}

/** Parses a key list: a JSON array, or `{ "keys": [...] }` as the file holds it. */
export function parseApiKeys(json: string, where: string): ApiKeyEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new ApiKeyConfigError(`${where} is not valid JSON`);
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(list)) throw new ApiKeyConfigError(`${where} must be a JSON array or { "keys": [...] }`);
  return list.map((raw, i) => parseEntry(raw, `${where}[${i}]`));
}

export function assertUniqueIds(entries: readonly ApiKeyEntry[]): void {
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.id)) throw new ApiKeyConfigError(`API key id ${entry.id} is configured twice`);
    seen.add(entry.id);
  }
}

/**
 * The key whose hash matches, compared in constant time against every entry
 * (so the time taken says nothing about which entry, or how much of it,
 * matched); revoked keys never match.
 */
export function findApiKey(entries: readonly ApiKeyEntry[], presented: string): ApiKeyEntry | undefined {
  if (presented.length < MIN_KEY_LENGTH || presented.length > 512) return undefined;
  const digest = Buffer.from(hashApiKey(presented), 'utf8');
  let found: ApiKeyEntry | undefined;
  for (const entry of entries) {
    const candidate = Buffer.from(entry.hash, 'utf8');
    if (candidate.length === digest.length && timingSafeEqual(candidate, digest) && !entry.revoked) {
      found = entry;
    }
  }
  return found;
}

export function principalOfKey(entry: ApiKeyEntry): Principal {
  return {
    id: entry.id,
    role: entry.role,
    organisations: entry.organisations,
    strategy: 'api-key',
    ...(entry.sourceSystem ? { sourceSystem: entry.sourceSystem } : {}),
    ...(entry.rateLimit ? { rateLimit: entry.rateLimit } : {}),
  };
}
