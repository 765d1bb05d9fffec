import type { AppConfig } from '../config/app-config';
import { addApiKey } from './key-file';
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
 * print it once. It cannot be recovered later: create another with
 * `npm run cli -- create-api-key`, or delete the file and start an empty store.
 */
export function issueDevKey(filePath: string): string {
  return addApiKey(filePath, {
    id: DEV_KEY_ID,
    role: 'programme-admin',
    organisations: '*',
    description: 'Development key created on the first start of an empty store',
  });
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
