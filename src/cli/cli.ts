import 'reflect-metadata';
import { Command } from 'commander';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../app.factory';
import { ConfigurationError, loadConfig } from '../config/load-config';
import { EventStoreStartupError } from '../event-store/errors';
import { validateDto } from '../commands/validation/validate-dto';
import { EVENT_STORE } from '../event-store/port';
import type { EventStore } from '../event-store/port';
import { endOfDayIfDate } from '../history/bounds';
import { exportEvents, toNdjsonLine } from '../history/event-export';
import { parseBounds } from '../history/read-model-reader';
import { replay } from '../history/replay';
import { ReadModelQuery } from '../projections/http/read-model-query';
import { toCsv } from '../projections/http/respond';
import { ProjectionRunner } from '../projections/runner/projection-runner';
import { RegisterSeeder } from '../register/register-seeder';
import { canonicalJson, sha256Hex } from '../support/canonical-json';
import { progress } from './progress';
import { ImportService } from '../imports/import.service';
import { ImportEntry, ImportTotals, REPORT_COLUMNS } from '../imports/import-report';
import { DEFAULT_PROGRAMME } from '../projections/spread/spread.queries';
import { statSync, writeFileSync } from 'node:fs';
import { apiKeysFilePath } from '../auth/api-key-store';
import { ApiKeyConfigError } from '../auth/api-keys';
import { addApiKey, revokeApiKey } from '../auth/key-file';
import { isRole, parseOrganisationScope, ROLES } from '../auth/principal';

/** Runs a task against the configured store with the whole application wired, but no HTTP listener. */
async function withApp<T>(task: (app: NestFastifyApplication) => Promise<T>, roles = 'relay'): Promise<T> {
  // A CLI task starts no read models unless it asks (roles), and no relay: APP_ROLES=relay alone runs neither here.
  const app = await createApp(
    loadConfig({
      ...process.env,
      SEED_REGISTER_ON_EMPTY_STORE: 'false',
      APP_ROLES: roles,
      KAFKA_BROKERS: '',
    }),
  );
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
  .command('rebuild')
  .argument('<readModel>', 'read model name (see GET /v1/admin/read-models)')
  .description(
    'Fold a read model again from the start and save its snapshot (offline; on a running service use POST /v1/admin/read-models/{name}/rebuild)',
  )
  .action(async (name: string) => {
    await withApp(async (app) => {
      const runner = app.get(ProjectionRunner);
      const store = app.get<symbol, EventStore>(EVENT_STORE);
      const bar = progress(`rebuild ${name}`);
      runner.rebuild(name);
      runner.start();
      for (;;) {
        const current = runner.current(name);
        bar.update(current.position, await store.headPosition());
        if (current.status === 'live' || current.status === 'failed') break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      bar.stop();
      const health = runner.health().find((h) => h.name === name);
      await runner.stop();
      process.stdout.write(`${JSON.stringify(health)}\n`);
      if (health?.status === 'failed') process.exitCode = 1;
    }, 'projections');
  });

program
  .command('replay')
  .argument('<readModel>', 'read model name')
  .option('--as-of <date>', 'business time bound (date or ISO instant)')
  .option('--as-known-at <date>', 'knowledge bound (date or ISO instant)')
  .option('--at-position <n>', 'knowledge bound as a global position')
  .option('--csv', "the read model's table as CSV instead of its state as JSON")
  .description('Fold a read model over the log inside the bounds and print it, with its SHA-256 on stderr')
  .action(
    async (
      name: string,
      options: { asOf?: string; asKnownAt?: string; atPosition?: string; csv?: boolean },
    ) => {
      await withApp(async (app) => {
        const projection = app
          .get(ProjectionRunner)
          .projections()
          .find((p) => p.name === name);
        if (!projection) throw new Error(`No read model named ${name}`);
        const query = await validateDto(ReadModelQuery, {
          asOf: options.asOf,
          asKnownAt: options.asKnownAt,
          atPosition: options.atPosition,
        });
        const store = app.get<symbol, EventStore>(EVENT_STORE);
        const bar = progress(`replay ${name}`);
        const head = await store.headPosition();
        const result = await replay(store, projection, parseBounds(query), (position) =>
          bar.update(position, head),
        );
        bar.stop();
        const json = canonicalJson(result.state);
        process.stdout.write(options.csv ? toCsv(projection.table?.(result.state) ?? []) : `${json}\n`);
        process.stderr.write(`${name} at position ${result.position}: sha256 ${sha256Hex(json)}\n`);
      });
    },
  );

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
  .command('export')
  .option('--from <date>', 'events that occurred on or after this date')
  .option('--to <date>', 'events that occurred on or before this date (a date includes the whole day)')
  .option('--as-known-at <date>', 'events recorded at or before this instant')
  .option('--category <category>', 'stream category, e.g. measure')
  .description('Write the event log as NDJSON to stdout (one event per line)')
  .action(async (options: { from?: string; to?: string; asKnownAt?: string; category?: string }) => {
    await withApp(async (app) => {
      const query = await validateDto(ReadModelQuery, { asOf: options.to, asKnownAt: options.asKnownAt });
      const from =
        options.from === undefined ? undefined : Date.parse(endOfDayIfDate(options.from).slice(0, 10));
      const store = app.get<symbol, EventStore>(EVENT_STORE);
      const head = await store.headPosition();
      const bar = progress('export');
      let written = 0;
      for await (const event of exportEvents(store, parseBounds(query), {
        categories: options.category ? [options.category] : undefined,
      })) {
        if (from !== undefined && Date.parse(event.metadata.occurredAt) < from) continue;
        if (!process.stdout.write(toNdjsonLine(event)))
          await new Promise((resolve) => process.stdout.once('drain', resolve));
        if (++written % 1000 === 0) bar.update(event.position, head);
      }
      bar.stop();
      process.stderr.write(`exported ${written} events\n`);
    });
  });

program
  .command('import')
  .argument('<file>', 'a CSV or XLSX file of measurements and monthly returns (docs/integrators/imports.md)')
  .option('--programme <slug>', 'the programme monthly returns are for', DEFAULT_PROGRAMME)
  .option('--report <file.csv>', 'write the report as CSV here (default: refused rows to stderr)')
  .option('--all', "every row's outcome in the report, not only refused rows")
  .description('Import a file through the command gateway, as POST /v1/imports does, with a progress bar')
  .action(async (file: string, options: { programme: string; report?: string; all?: boolean }) => {
    await withApp(async (app) => {
      const service = app.get(ImportService);
      const principal = {
        id: 'cli',
        role: 'programme-admin',
        organisations: '*',
        strategy: 'service',
      } as const;
      const checked = await service.check(file, statSync(file).size);
      const bar = progress('import');
      const totals: ImportTotals = { rows: 0, written: 0, replayed: 0, refused: 0, failed: 0 };
      const kept: ImportEntry[] = [];
      for await (const entry of service.run(
        principal,
        file,
        checked,
        {
          programmeSlug: options.programme,
          sourceSystem: 'cli-import',
          onProgress: (done, total) => bar.update(done, total),
        },
        totals,
      )) {
        if (options.all || entry.outcome === 'refused' || entry.outcome === 'failed') kept.push(entry);
      }
      bar.stop();
      const csv = toCsv(kept.map((e) => Object.fromEntries(REPORT_COLUMNS.map((c) => [c, e[c] ?? '']))));
      if (options.report) writeFileSync(options.report, csv);
      else if (kept.length > 0) process.stderr.write(csv);
      process.stdout.write(
        `${JSON.stringify({ importId: checked.importId, file: { format: checked.format, sha256: checked.sha256, rows: checked.rows }, totals })}\n`,
      );
      if (totals.refused + totals.failed > 0) process.exitCode = 2;
    });
  });

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
