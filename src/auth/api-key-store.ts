import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { OncePerTurn } from '../shared/once-per-turn';
import { ApiKeyConfigError, ApiKeyEntry, assertUniqueIds, parseApiKeys } from './api-keys';

/** Where the key file is: API_KEYS_FILE, else `api-keys.json` beside the embedded store (./data on a fresh clone). */
export function apiKeysFilePath(config: Pick<AppConfig, 'API_KEYS_FILE' | 'SQLITE_PATH'>): string {
  return config.API_KEYS_FILE ?? join(dirname(config.SQLITE_PATH), 'api-keys.json');
}

/**
 * The configured keys: API_KEYS from the environment plus the key file. The
 * file is re-read whenever its size or modification time changes, so a key
 * removed or marked `revoked` stops working on the next request without a
 * restart. A file that becomes invalid while running fails closed: none of
 * its keys is accepted until it is fixed.
 */
export class ApiKeyStore {
  private readonly fromEnv: ApiKeyEntry[];
  private fromFile: ApiKeyEntry[] = [];
  private fileStamp = '';
  private readonly fileCheck = new OncePerTurn();

  constructor(
    readonly filePath: string,
    envJson: string | undefined,
    private readonly onReloadError: (message: string) => void = () => undefined,
  ) {
    this.fromEnv = envJson === undefined ? [] : parseApiKeys(envJson, 'API_KEYS');
    this.reload(true);
  }

  /** Nothing configured at all: neither API_KEYS nor a key file. */
  isUnconfigured(): boolean {
    return this.fromEnv.length === 0 && !existsSync(this.filePath);
  }

  /**
   * The file is looked at once per turn of the event loop: the requests
   * handled in one turn arrived together, and a stat per request was a
   * few percent of a command's cost.
   */
  entries(): ApiKeyEntry[] {
    if (this.fileCheck.take()) this.reload(false);
    return [...this.fromEnv, ...this.fromFile];
  }

  private reload(atStartUp: boolean): void {
    let stamp = 'absent';
    try {
      const stat = statSync(this.filePath);
      stamp = `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
    } catch {
      // A missing file holds no keys.
    }
    if (stamp === this.fileStamp) return;
    this.fileStamp = stamp;
    try {
      this.fromFile =
        stamp === 'absent' ? [] : parseApiKeys(readFileSync(this.filePath, 'utf8'), this.filePath);
      assertUniqueIds([...this.fromEnv, ...this.fromFile]);
    } catch (error) {
      this.fromFile = [];
      if (atStartUp) throw error;
      const reason =
        error instanceof ApiKeyConfigError ? error.message : `${this.filePath}: ${String(error)}`;
      this.onReloadError(`${reason}; no key from ${this.filePath} is accepted until it is fixed`);
    }
  }
}
