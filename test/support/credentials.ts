import { generateApiKey, hashApiKey } from '../../src/auth/api-keys';
import type { Role } from '../../src/auth/principal';

/** The credential each running test app accepts by default, by base URL, so helpers can send it. */
const byUrl = new Map<string, string>();

export function rememberCredential(url: string, key: string): void {
  byUrl.set(url, key);
}

export function forgetCredential(url: string): void {
  byUrl.delete(url);
}

/** `Authorization` for the test app at this URL (its admin key), or nothing for a URL it does not know. */
export function authHeaders(url: string): Record<string, string> {
  const key = [...byUrl.entries()].find(([base]) => url.startsWith(base))?.[1];
  return key ? { authorization: `Bearer ${key}` } : {};
}

export interface TestKey {
  key: string;
  entry: { id: string; role: Role; organisations: '*' | string[]; hash: string; revoked?: boolean };
}

/** A fresh key and the hashed entry that configures it. */
export function testKey(id: string, role: Role, organisations: '*' | string[] = '*'): TestKey {
  const key = generateApiKey();
  return { key, entry: { id, role, organisations, hash: hashApiKey(key) } };
}
