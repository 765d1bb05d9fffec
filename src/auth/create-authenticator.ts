import { Logger } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { ConfigurationError } from '../config/load-config';
import { ApiKeyStore, apiKeysFilePath } from './api-key-store';
import { Authenticator } from './authenticator';
import { JwtVerifier } from './jwt-verifier';
import { kafkaPrincipals } from './kafka-principal';

/** Builds the configured strategy; a bad key file or JWKS file stops start-up with one line naming it. */
export function createAuthenticator(config: AppConfig): Authenticator {
  try {
    kafkaPrincipals(config.KAFKA_COMMANDS_PRINCIPAL);
  } catch (error) {
    throw new ConfigurationError([(error as Error).message]);
  }
  const logger = new Logger('Authentication');
  try {
    if (config.AUTH_MODE === 'jwt') return new Authenticator('jwt', undefined, new JwtVerifier(config));
    const store = new ApiKeyStore(apiKeysFilePath(config), config.API_KEYS, (message) =>
      logger.error(message),
    );
    return new Authenticator('api-key', store, undefined);
  } catch (error) {
    const variable = config.AUTH_MODE === 'jwt' ? 'JWT_JWKS_FILE' : 'API_KEYS / API_KEYS_FILE';
    throw new ConfigurationError([`${variable}: ${error instanceof Error ? error.message : String(error)}`]);
  }
}
