import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  ApiKeyConfigError,
  ApiKeyEntry,
  assertUniqueIds,
  generateApiKey,
  hashApiKey,
  parseApiKeys,
} from './api-keys';
import type { OrganisationScope, Role } from './principal';

type StoredEntry = ApiKeyEntry & { description?: string };

function read(filePath: string): StoredEntry[] {
  return existsSync(filePath) ? parseApiKeys(readFileSync(filePath, 'utf8'), filePath) : [];
}

/** Replaces the file whole (write then rename), so the running service never reads half of it. */
function write(filePath: string, entries: StoredEntry[]): void {
  mkdirSync(dirname(filePath), { recursive: true });
  const temporary = `${filePath}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ keys: entries }, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, filePath);
}

export interface NewKey {
  id: string;
  role: Role;
  organisations: OrganisationScope;
  sourceSystem?: string;
  description?: string;
}

/** Adds a new key's hash to the file and returns the key, which is never stored. */
export function addApiKey(filePath: string, key: NewKey): string {
  const plain = generateApiKey();
  const entry: StoredEntry = { ...key, hash: hashApiKey(plain) };
  const entries = [...read(filePath), entry];
  // Checks the new entry as the service will read it.
  parseApiKeys(JSON.stringify(entries), filePath);
  assertUniqueIds(entries);
  write(filePath, entries);
  return plain;
}

/** Marks a key revoked: the service refuses it from its next request on. */
export function revokeApiKey(filePath: string, id: string): void {
  const entries = read(filePath);
  const entry = entries.find((e) => e.id === id);
  if (!entry) throw new ApiKeyConfigError(`${filePath} has no key with id ${id}`);
  entry.revoked = true;
  write(filePath, entries);
}
