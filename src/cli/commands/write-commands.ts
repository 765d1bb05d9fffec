import { Command } from 'commander';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import type { Principal } from '../../auth/principal';
import { ImportEntry, ImportTotals, REPORT_COLUMNS } from '../../imports/import-report';
import { ImportService } from '../../imports/import.service';
import { toCsv } from '../../projections/http/respond';
import { DEFAULT_PROGRAMME } from '../../projections/spread/spread.query';
import { apiKeysFilePath } from '../../auth/api-key-store';
import { addApiKey, revokeApiKey } from '../../auth/key-file';
import { parseOrganisationScope } from '../../auth/principal';
import type { Role } from '../../auth/principal';
import { replay } from '../../projections/runner/replay';
import { READ_MODELS } from '../../projections/catalogue';
import { SnapshotStore } from '../../projections/runner/snapshot-store';
import { RegisterSeeder } from '../../register/register-seeder';
import { openStateDatabase } from '../../state/state-database';
import { readModelArgument, roleOption } from '../arguments';
import { cliConfig, withApp, withStore } from '../cli-context';
import { CliError, usageError } from '../cli-errors';
import { progress } from '../progress';

/** The operator at the console, importing through the gateway like any programme-admin. */
const CLI_IMPORT: Principal = { id: 'cli', role: 'programme-admin', organisations: '*', strategy: 'service' };

/** Commands that write: through the command pipeline (seed-register), the state database (rebuild), the key file. */
export function registerWriteCommands(program: Command): void {
  program
    .command('seed-register')
    .description(
      'Register every NHS trust of the ODS register through the RegisterOrganisation/DissolveOrganisation commands (idempotent)',
    )
    .option('--file <csv>', 'register CSV (default: the extract shipped in data/)')
    .action(async (options: { file?: string }) => {
      if (options.file !== undefined && !existsSync(options.file)) {
        throw usageError(`--file ${options.file}: no such file`);
      }
      const summary = await withApp((app) => app.get(RegisterSeeder).seed(options.file));
      process.stdout.write(`${JSON.stringify(summary)}\n`);
    });

  program
    .command('rebuild')
    .addArgument(readModelArgument())
    .description(
      "Fold a read model from the start and save it as its snapshot, for the service's next start (offline: on a running service use POST /v1/admin/read-models/{name}/rebuild)",
    )
    .action(async (name: string) => {
      const projection = READ_MODELS.find((p) => p.name === name);
      if (!projection) throw usageError(`rebuild: no read model ${name}`);
      const state = openStateDatabase(cliConfig().STATE_SQLITE_PATH);
      try {
        // A model with storage folds onto a new store in the state file, as the service's own rebuild does;
        // the service clears the store it replaces when it next starts.
        const { storage } = projection;
        const folding = storage
          ? { ...projection, initialState: () => storage.open(state) as unknown }
          : projection;
        const result = await withStore(async (store) => {
          const bar = progress(`rebuild ${name}`);
          const head = await store.headPosition();
          try {
            return await replay(store, folding, {}, (at) => bar.update(at, head));
          } catch (error) {
            throw new CliError(
              `rebuild ${name}: the fold stopped (${error instanceof Error ? error.message : String(error)}); the snapshot is unchanged`,
            );
          } finally {
            bar.stop();
          }
        });
        new SnapshotStore(state).save({
          name,
          version: projection.version,
          position: result.position,
          lastEvent: result.eventId === undefined ? null : { position: result.position, id: result.eventId },
          state: storage ? storage.persisted(result.state) : result.state,
        });
        storage?.snapshotted?.(result.state);
        process.stdout.write(
          `${JSON.stringify({ name, version: projection.version, position: result.position, eventsFolded: result.eventsFolded })}\n`,
        );
      } finally {
        state.close();
      }
    });

  program
    .command('import')
    .argument(
      '<file>',
      'a CSV or XLSX file of measurements and monthly returns (docs/integrators/imports.md)',
    )
    .option('--programme <slug>', 'the programme monthly returns are for', DEFAULT_PROGRAMME)
    .option('--report <file.csv>', 'write the report as CSV here (default: refused rows to stderr)')
    .option('--all', "every row's outcome in the report, not only refused rows")
    .description('Import a file through the command gateway, as POST /v1/imports does, with a progress bar')
    .action(async (file: string, options: { programme: string; report?: string; all?: boolean }) => {
      if (!existsSync(file)) throw usageError(`import ${file}: no such file`);
      await withApp(async (app) => {
        const service = app.get(ImportService);
        const checked = await service.check(file, statSync(file).size);
        const bar = progress('import');
        const totals: ImportTotals = { rows: 0, written: 0, replayed: 0, refused: 0, failed: 0 };
        const kept: ImportEntry[] = [];
        const rows = service.run(
          CLI_IMPORT,
          file,
          checked,
          {
            programmeSlug: options.programme,
            sourceSystem: 'cli-import',
            onProgress: (done, total) => bar.update(done, total),
          },
          totals,
        );
        for await (const entry of rows) {
          if (options.all || entry.outcome === 'refused' || entry.outcome === 'failed') kept.push(entry);
        }
        bar.stop();
        const csv = toCsv(kept.map((e) => Object.fromEntries(REPORT_COLUMNS.map((c) => [c, e[c] ?? '']))));
        if (options.report) writeFileSync(options.report, csv);
        else if (kept.length > 0) process.stderr.write(csv);
        const file_ = { format: checked.format, sha256: checked.sha256, rows: checked.rows };
        process.stdout.write(`${JSON.stringify({ importId: checked.importId, file: file_, totals })}\n`);
        if (totals.refused + totals.failed > 0) process.exitCode = 2;
      });
    });

  program
    .command('create-api-key')
    .description('Create an API key: its hash goes to the key file (API_KEYS_FILE), the key is printed once')
    .requiredOption('--id <id>', 'a name for the key, recorded as the actor of every event it writes')
    .addOption(roleOption())
    .option('--organisations <codes>', 'ODS codes in scope, comma-separated, or *', '*')
    .option(
      '--source-system <name>',
      'the system the key speaks for (recorded unless a request names another)',
    )
    .option('--description <text>', 'who holds the key and why')
    .action((options: NewKeyOptions) => {
      const organisations = parseOrganisationScope(options.organisations);
      if (organisations === undefined) {
        throw usageError(
          `--organisations must be "*" or ODS codes separated by commas (got '${options.organisations}')`,
        );
      }
      const file = apiKeysFilePath(cliConfig());
      const key = addApiKey(file, { ...options, organisations });
      process.stderr.write(`Added ${options.id} (${options.role}) to ${file}. The key, shown this once:\n`);
      process.stdout.write(`${key}\n`);
    });

  program
    .command('revoke-api-key')
    .description('Mark a key revoked in the key file; the service refuses it from its next request')
    .requiredOption('--id <id>', 'the key to revoke')
    .action((options: { id: string }) => {
      const file = apiKeysFilePath(cliConfig());
      revokeApiKey(file, options.id);
      process.stderr.write(`Revoked ${options.id} in ${file}\n`);
    });
}

interface NewKeyOptions {
  id: string;
  role: Role;
  organisations: string;
  sourceSystem?: string;
  description?: string;
}
