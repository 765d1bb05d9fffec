import 'reflect-metadata';
import { Command } from 'commander';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../app.factory';
import { ConfigurationError, loadConfig } from '../config/load-config';
import { EventStoreStartupError } from '../event-store/errors';
import { RegisterSeeder } from '../register/register-seeder';

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

program.parseAsync().catch((error: unknown) => {
  if (error instanceof ConfigurationError || error instanceof EventStoreStartupError) {
    process.stderr.write(`Failed: ${error.message}\n`);
  } else {
    process.stderr.write(
      `Failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
