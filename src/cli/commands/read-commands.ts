import { Command, Option } from 'commander';
import { STREAM_CATEGORIES } from '../../domain/stream-names';
import { afterLowerBound, Bounds, endOfDayIfDate, lowerBound } from '../../shared/bounds';
import { findDataCut, verifyDataCut } from '../../history/data-cut-verification';
import { exportEvents, toNdjsonLine } from '../../history/event-export';
import { replay } from '../../projections/runner/replay';
import { READ_MODELS } from '../../projections/catalogue';
import { Projection } from '../../projections/runner/projection';
import { toCsv } from '../../projections/http/respond';
import { canonicalJson, sha256Hex } from '../../shared/canonical-json';
import { dateOrDateTime, outputOption, position, readModelArgument } from '../arguments';
import { withStore } from '../cli-context';
import { EXIT, usageError } from '../cli-errors';
import { writeData } from '../output';
import { progress } from '../progress';

const projectionNamed = (name: string): Projection => READ_MODELS.find((p) => p.name === name) as Projection;

/** An upper bound given as a date means the end of that day; a date-time is taken as it is. */
const upperBound = (value: string | undefined): string | undefined =>
  value === undefined ? undefined : endOfDayIfDate(value);

const knowledgeBound = (command: Command) =>
  command
    .option(
      '--as-known-at <date>',
      'events recorded at or before this date (its end) or instant',
      dateOrDateTime,
    )
    .addOption(
      new Option('--at-position <n>', 'events up to this global position (instead of --as-known-at)')
        .argParser(position)
        .conflicts('asKnownAt'),
    );

/**
 * The read-only commands: each opens the event store and nothing else (no
 * HTTP application, no running read models, no state database), so each may
 * run while the service runs. Data goes to stdout (or --output); progress and
 * summaries to stderr.
 */
export function registerReadCommands(program: Command): void {
  knowledgeBound(
    program
      .command('replay')
      .description(
        'Fold a read model over the log inside the bounds and print its state (JSON) or table (--csv)',
      )
      .addArgument(readModelArgument())
      .option(
        '--as-of <date>',
        'business time: events that occurred by this date (its end) or instant',
        dateOrDateTime,
      ),
  )
    .option('--csv', "the read model's table as CSV instead of its state as JSON")
    .addOption(outputOption())
    .action(async (name: string, options: ReplayOptions) => {
      const projection = projectionNamed(name);
      const bounds: Bounds = {
        asOf: upperBound(options.asOf),
        asKnownAt: upperBound(options.asKnownAt),
        atPosition: options.atPosition === undefined ? undefined : Number(options.atPosition),
      };
      await writeData(options.output, (out) =>
        withStore(async (store) => {
          const bar = progress(`replay ${name}`);
          const head = await store.headPosition();
          const result = await replay(store, projection, bounds, (at) => bar.update(at, head));
          bar.stop();
          const json = canonicalJson(result.state);
          await out.write(options.csv ? toCsv(projection.table?.(result.state) ?? []) : `${json}\n`);
          process.stderr.write(`${name} at position ${result.position}: sha256 ${sha256Hex(json)}\n`);
        }),
      );
    });

  knowledgeBound(
    program
      .command('export')
      .description('Write the event log as NDJSON (one event per line), inside the bounds and filters')
      .option(
        '--from <date>',
        'events that occurred on or after this date (its start) or instant',
        dateOrDateTime,
      )
      .option(
        '--to <date>',
        'events that occurred on or before this date (its end) or instant',
        dateOrDateTime,
      ),
  )
    .addOption(new Option('--category <category>', 'stream category').choices([...STREAM_CATEGORIES]))
    .addOption(outputOption())
    .action(async (options: ExportOptions) => {
      const from = options.from === undefined ? undefined : lowerBound(options.from);
      const bounds: Bounds = {
        asOf: upperBound(options.to),
        asKnownAt: upperBound(options.asKnownAt),
        atPosition: options.atPosition === undefined ? undefined : Number(options.atPosition),
      };
      await writeData(options.output, (out) =>
        withStore(async (store) => {
          const head = await store.headPosition();
          const bar = progress('export');
          let written = 0;
          let lines = '';
          const categories = options.category ? [options.category] : undefined;
          for await (const event of exportEvents(store, bounds, { categories })) {
            if (from !== undefined && !afterLowerBound(event.metadata.occurredAt, from)) continue;
            lines += toNdjsonLine(event);
            if (++written % 1000 === 0) {
              await out.write(lines);
              lines = '';
              bar.update(event.position, head);
            }
          }
          await out.write(lines);
          bar.stop();
          process.stderr.write(`exported ${written} events\n`);
        }),
      );
    });

  program
    .command('verify')
    .description(
      "Recompute every read model of a data cut under its bounds and compare with the cut's checksums",
    )
    .argument('<dataCutId>', 'the data cut (a UUID, as TakeDataCut gave it)')
    .addOption(outputOption())
    .action(async (dataCutId: string, options: { output?: string }) => {
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(dataCutId)) {
        throw usageError(`verify: '${dataCutId}' is not a data cut id (a UUID)`);
      }
      let match = false;
      await writeData(options.output, (out) =>
        withStore(async (store) => {
          const cut = await findDataCut(store, dataCutId);
          if (!cut) throw usageError(`verify: there is no data cut ${dataCutId}`);
          const result = await verifyDataCut(store, dataCutId, cut);
          match = result.match;
          await out.write(`${JSON.stringify(result, null, 2)}\n`);
        }),
      );
      process.stderr.write(`data cut ${dataCutId}: ${match ? 'every checksum matches' : 'does NOT match'}\n`);
      if (!match) process.exitCode = EXIT.mismatch;
    });

  program
    .command('history')
    .description("A stream's events, with their metadata, as NDJSON (one event per line)")
    .argument('<streamId>', 'e.g. organisation-RYX or measure-<uuid>')
    .addOption(outputOption())
    .action(async (streamId: string, options: { output?: string }) => {
      await writeData(options.output, (out) =>
        withStore(async (store) => {
          const events = await store.readStream(streamId);
          if (events.length === 0) throw usageError(`history: there is no stream ${streamId}`);
          await out.write(events.map(toNdjsonLine).join(''));
          process.stderr.write(`${streamId}: ${events.length} events\n`);
        }),
      );
    });
}

interface ReplayOptions {
  asOf?: string;
  asKnownAt?: string;
  atPosition?: string;
  csv?: boolean;
  output?: string;
}

interface ExportOptions {
  from?: string;
  to?: string;
  asKnownAt?: string;
  atPosition?: string;
  category?: string;
  output?: string;
}
