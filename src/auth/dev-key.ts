import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { generateApiKey, hashApiKey } from './api-keys';
import type { Authenticator } from './authenticator';

export const DEV_KEY_ID = 'dev-admin';

/** A fresh clone: the embedded store was empty at start and no key is configured anywhere. */
export function devKeyWanted(
  config: AppConfig,
  authenticator: Authenticator,
  storeWasEmpty: boolean,
): boolean {
  return (
    config.DEV_API_KEY_ON_EMPTY_STORE &&
    config.AUTH_MODE === 'api-key' &&
    config.EVENT_STORE === 'sqlite' &&
    process.env.NODE_ENV !== 'production' &&
    storeWasEmpty &&
    authenticator.keys?.isUnconfigured() === true
  );
}

/**
 * Creates one programme-admin key, writes only its hash to the key file
 * (mode 600, git-ignored under data/) and returns the key so the caller can
 * print it once. The key cannot be recovered later: delete the file to get a
 * new one on the next start of an empty store, or create keys with the CLI.
 */
export function issueDevKey(filePath: string): string {
  const key = generateApiKey();
  const entry = {
    id: DEV_KEY_ID,
    role: 'programme-admin',
    organisations: '*',
    hash: hashApiKey(key),
    description: 'Development key created on the first start of an empty store',
  };
  mkdirSync(dirname(filePath), { recursive: true });
  writeFileSync(filePath, `${JSON.stringify({ keys: [entry] }, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

export function devKeyBanner(key: string, filePath: string, url: string): string {
  const rule = '='.repeat(78);
  return [
    rule,
    'WARNING: DEVELOPMENT API KEY (programme-admin, every organisation).',
    `It is shown this once; only its hash is kept, in ${filePath}.`,
    'Do not use it in production: configure API_KEYS_FILE / API_KEYS or AUTH_MODE=jwt.',
    '',
    `  export AET_API_KEY='${key}'`,
    `  curl -H "Authorization: Bearer $AET_API_KEY" ${url}/v1/streams/organisation-RYX`,
    rule,
    '',
  ].join('\n');
}
