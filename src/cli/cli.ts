import 'reflect-metadata';
import { Command } from 'commander';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../app.factory';
import { ConfigurationError, loadConfig } from '../config/load-config';
import { EventStoreStartupError } from '../event-store/errors';
import { RegisterSeeder } from '../register/register-seeder';
import { apiKeysFilePath } from '../auth/api-key-store';
import { ApiKeyConfigError } from '../auth/api-keys';
import { addApiKey, revokeApiKey } from '../auth/key-file';
import { isRole, parseOrganisationScope, ROLES } from '../auth/principal';

/** Runs a task against the configured store with the whole application wired, but no HTTP listener. */
async function withApp<T>(task: (app: NestFastifyApplication) => Promise<T>): Promise<T> {
  const app = await createApp(loadConfig({ ...process.env, SEED_REGISTER_ON_EMPTY_STORE: 'false' }));
  await app.init();
  try {
    return await task(app);
  } finally {
    await app.close();
  }
}

const program = new Command()
  .name('always-events')
  .description('Operations on the Always Events programme tracker (same configuration as the service)');

program
  .command('seed-register')
  .description(
    'Register every NHS trust of the ODS register through the RegisterOrganisation/DissolveOrganisation commands (idempotent)',
  )
  .option('--file <csv>', 'register CSV (default: data/reference/nhs-trusts-etr.csv)')
  .action(async (options: { file?: string }) => {
    const summary = await withApp((app) => app.get(RegisterSeeder).seed(options.file));
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  });

program
  .command('create-api-key')
  .description('Create an API key: its hash goes to the key file (API_KEYS_FILE), the key is printed once')
  .requiredOption('--id <id>', 'a name for the key, recorded as the actor of every event it writes')
  .requiredOption('--role <role>', ROLES.join(' | '))
  .option('--organisations <codes>', 'ODS codes in scope, comma-separated, or *', '*')
  .option('--source-system <name>', 'the system the key speaks for (recorded unless a request names another)')
  .option('--description <text>', 'who holds the key and why')
  .action(
    (options: {
      id: string;
      role: string;
      organisations: string;
      sourceSystem?: string;
      description?: string;
    }) => {
      const organisations = parseOrganisationScope(options.organisations);
      if (!isRole(options.role) || organisations === undefined) {
        throw new ApiKeyConfigError(
          `--role must be one of ${ROLES.join(', ')} and --organisations "*" or ODS codes`,
        );
      }
      const file = apiKeysFilePath(loadConfig());
      const key = addApiKey(file, { ...options, role: options.role, organisations });
      process.stderr.write(`Added ${options.id} (${options.role}) to ${file}. The key, shown this once:\n`);
      process.stdout.write(`${key}\n`);
    },
  );

program
  .command('revoke-api-key')
  .description('Mark a key revoked in the key file; the service refuses it from its next request')
  .requiredOption('--id <id>', 'the key to revoke')
  .action((options: { id: string }) => {
    const file = apiKeysFilePath(loadConfig());
    revokeApiKey(file, options.id);
    process.stderr.write(`Revoked ${options.id} in ${file}\n`);
  });

program.parseAsync().catch((error: unknown) => {
  if (
    error instanceof ConfigurationError ||
    error instanceof EventStoreStartupError ||
    error instanceof ApiKeyConfigError
  ) {
    process.stderr.write(`Failed: ${error.message}\n`);
  } else {
    process.stderr.write(
      `Failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
