import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IdempotencyKeyReusedError, WrongExpectedRevisionError } from '../event-store/errors';
import { EVENT_STORE } from '../event-store/port';
import type { EventStore } from '../event-store/port';
import { CommandMetrics } from '../metrics/command-metrics';
import { Clock } from '../shared/clock';
import { KeyedQueue } from '../shared/keyed-queue';
import { CatalogueService } from './catalogue.service';
import { ConflictRetry } from './conflict-retry';
import {
  decideCommand,
  DecisionDependencies,
  isRace,
  preconditionFailed,
  PreparedCommand,
  prepareCommand,
  refuseReusedKey,
} from './decide-command';
import { BatchOutcome, CommandResult, ExecuteCommand } from './execute-command';
import { runBatch } from './execute-command-batch';
import { FactLookups } from './fact-lookups';
import { StreamStateCache } from './stream-state-cache';

/**
 * Load the stream, fold, decide, append with the revision it was decided on.
 *
 * Idempotency is decided from the log: the key is claimed with the append
 * (the store keeps each key's first use beside the events), and event ids
 * derive from the key and the target stream, so a retry finds its own events
 * and answers with the original result, on any instance, after any crash.
 *
 * Commands on one stream queue in this process; a conflict with another
 * process is decided again on what it wrote, after a jittered pause, until
 * the retry deadline (ConflictRetry). Only a caller that pinned a revision
 * (If-Match) gets the conflict at once, as 412.
 *
 * `executeBatch` runs many commands with the same rules, deciding them on
 * streams read once and appending them in one group commit (see
 * execute-command-batch.ts).
 */
@CommandHandler(ExecuteCommand)
export class ExecuteCommandHandler implements ICommandHandler<ExecuteCommand, CommandResult> {
  private readonly streams = new KeyedQueue();
  private readonly decisions: DecisionDependencies;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly streamStates: StreamStateCache,
    private readonly lookups: FactLookups,
    catalogue: CatalogueService,
    clock: Clock,
    private readonly metrics: CommandMetrics,
    private readonly conflicts: ConflictRetry,
  ) {
    this.decisions = { clock, catalogue, store };
  }

  execute(command: ExecuteCommand): Promise<CommandResult> {
    const { command: accepted, origin } = command;
    return this.metrics.observe(accepted.name, origin.transport ?? 'internal', () => this.run(command));
  }

  executeBatch(commands: readonly ExecuteCommand[]): Promise<BatchOutcome[]> {
    return runBatch(
      {
        ...this.decisions,
        store: this.store,
        streams: this.streamStates,
        lookups: this.lookups,
        queue: this.streams,
        metrics: this.metrics,
        single: (command) => this.execute(command),
      },
      commands,
    );
  }

  /**
   * The append claims the key in the log and is refused if the key was first
   * used for another request, so a command that writes needs no read of the
   * key before it decides (on EventStoreDB, one round trip fewer). A command
   * that writes nothing or is refused asks the store afterwards, so a reused
   * key is answered as such whatever the decider said.
   */
  private async run(command: ExecuteCommand): Promise<CommandResult> {
    const prepared = prepareCommand(command);
    let result: CommandResult;
    try {
      result = await this.streams.run(prepared.streamId, () => this.decideAndAppend(prepared));
    } catch (error) {
      if (!(error instanceof IdempotencyKeyReusedError)) await this.refuseReusedKeyOr(prepared, error);
      throw error;
    }
    if (result.eventIds.length === 0) await refuseReusedKey(this.store, prepared.claim);
    return result;
  }

  /** A refusal becomes "key reused" when the key was; a store that cannot say leaves the refusal as it was. */
  private async refuseReusedKeyOr(prepared: PreparedCommand, refusal: unknown): Promise<void> {
    try {
      await refuseReusedKey(this.store, prepared.claim);
    } catch (error) {
      throw error instanceof IdempotencyKeyReusedError ? error : refusal;
    }
  }

  private async decideAndAppend(prepared: PreparedCommand): Promise<CommandResult> {
    const { command, origin } = prepared.command;
    const { streamId, claim } = prepared;
    const retry = this.conflicts.start();

    for (;;) {
      const stream = await command.load(this.streamStates, this.lookups);
      const revision = stream.revision;
      const decision = await decideCommand(this.decisions, prepared, stream);
      if (decision.kind === 'retried') return { streamId, ...decision.retried, replayed: true };
      if (decision.kind === 'nothing') {
        return {
          streamId,
          revision,
          position: await this.store.headPosition(),
          eventIds: [],
          replayed: false,
        };
      }
      const { events } = decision;
      try {
        const result = await this.metrics.timeAppend(command.name, () =>
          this.store.appendToStream(streamId, events, { expectedRevision: revision, idempotency: claim }),
        );
        // Only events the store says it wrote: a replay's stored events may differ from these.
        if (result.replayed === false) stream.appended(events, result);
        return {
          streamId,
          revision: result.nextRevision,
          position: result.position,
          eventIds: events.map((event) => event.id),
          replayed: result.replayed === true,
        };
      } catch (error) {
        if (!isRace(error)) throw error;
        if (origin.expectedRevision !== undefined && error instanceof WrongExpectedRevisionError) {
          throw preconditionFailed(origin.expectedRevision, error.actual);
        }
        // Another process wrote to the stream first: decide again on what it wrote, after a pause.
        await retry.pauseOrThrow(error);
      }
    }
  }
}
