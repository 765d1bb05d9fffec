import { HttpStatus, Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { instanceToPlain } from 'class-transformer';
import { randomUUID } from 'node:crypto';
import { CommandContext } from '../domain/shared';
import {
  IdempotencyConflictError,
  IdempotencyKeyReusedError,
  WrongExpectedRevisionError,
} from '../event-store/errors';
import { IdempotencyClaim, idempotencyFingerprint } from '../event-store/idempotency-claim';
import { EVENT_STORE } from '../event-store/port';
import type { EventStore } from '../event-store/port';
import { NewEvent } from '../event-store/recorded-event';
import { ProblemException } from '../shared/problem';
import { CommandMetrics } from '../metrics/command-metrics';
import { canonicalJson, sha256Hex } from '../shared/canonical-json';
import { KeyedQueue } from '../shared/keyed-queue';
import { Clock } from '../shared/clock';
import { ConflictRetry } from './conflict-retry';
import { derivedEventId, findRetried } from './event-ids';
import { occurredAtOf } from './fact-date';
import { CatalogueService } from './catalogue.service';
import type { AcceptedCommand } from './command-definition';
import { CommandOrigin, CommandResult, ExecuteCommand } from './execute-command';
import { FactLookups } from './fact-lookups';
import { StreamStateCache } from './stream-state-cache';

const preconditionFailed = (expected: number, actual: number): ProblemException =>
  new ProblemException(
    HttpStatus.PRECONDITION_FAILED,
    'revision-mismatch',
    'Precondition failed',
    `If-Match expected revision ${expected}, the stream is at revision ${actual}`,
    { expectedRevision: expected, actualRevision: actual },
  );

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
 */
@CommandHandler(ExecuteCommand)
export class ExecuteCommandHandler implements ICommandHandler<ExecuteCommand, CommandResult> {
  private readonly streams = new KeyedQueue();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly streamStates: StreamStateCache,
    private readonly lookups: FactLookups,
    private readonly catalogue: CatalogueService,
    private readonly clock: Clock,
    private readonly metrics: CommandMetrics,
    private readonly conflicts: ConflictRetry,
  ) {}

  execute({ command, origin }: ExecuteCommand): Promise<CommandResult> {
    return this.metrics.observe(command.name, origin.transport ?? 'internal', () =>
      this.run(command, origin),
    );
  }

  private async run(command: AcceptedCommand, origin: CommandOrigin): Promise<CommandResult> {
    const { name, dto, streamId } = command;
    const key = origin.idempotencyKey;
    // The key itself is not part of the request: sending it as a header or as commandId is the same request.
    const { commandId: _key, ...body } = instanceToPlain(dto);
    const requestHash = sha256Hex(
      canonicalJson({ command: name, body, ifMatch: origin.expectedRevision ?? null }),
    );
    const claim: IdempotencyClaim | undefined = key
      ? { key, fingerprint: idempotencyFingerprint(streamId, requestHash), command: name }
      : undefined;
    if (claim) {
      // Refused before anything is decided: the store's record of keys, not this process's memory.
      const first = await this.store.idempotencyKeyUse(claim.key);
      if (first && first.fingerprint !== claim.fingerprint)
        throw new IdempotencyKeyReusedError(claim.key, first.command);
    }
    return this.streams.run(streamId, () => this.decideAndAppend(command, origin, requestHash, claim));
  }

  private async decideAndAppend(
    command: AcceptedCommand,
    origin: CommandOrigin,
    requestHash: string,
    claim: IdempotencyClaim | undefined,
  ): Promise<CommandResult> {
    const { name, dto, streamId } = command;
    const key = claim?.key;
    const ids: string[] = [];
    const eventIds = (count: number): string[] => {
      for (let i = ids.length; i < count; i++)
        ids.push(key ? derivedEventId(name, streamId, key, i) : randomUUID());
      return ids.slice(0, count);
    };
    const retry = this.conflicts.start();

    for (;;) {
      const stream = await command.load(this.streamStates, this.lookups);
      const revision = stream.revision;
      if (key) {
        const retried = findRetried(stream.known, { command: name, streamId, key, requestHash });
        if (retried) return { streamId, ...retried, replayed: true };
      }
      if (origin.expectedRevision !== undefined && origin.expectedRevision !== revision) {
        throw preconditionFailed(origin.expectedRevision, revision);
      }

      const now = this.clock.now().toISOString();
      const context: CommandContext = { now, occurredAt: occurredAtOf(dto, now) };
      const decided = await stream.decide(context);
      if (decided.length === 0) {
        return {
          streamId,
          revision,
          position: await this.store.headPosition(),
          eventIds: [],
          replayed: false,
        };
      }
      const written = eventIds(decided.length);
      const causationId = key ?? randomUUID();
      const events: NewEvent[] = decided.map((event, i) => ({
        id: written[i],
        type: event.type,
        data: event.data,
        metadata: this.metadata(name, event.type, context, origin, causationId, requestHash),
      }));
      try {
        const result = await this.metrics.timeAppend(name, () =>
          this.store.appendToStream(streamId, events, { expectedRevision: revision, idempotency: claim }),
        );
        // Only events the store says it wrote: a replay's stored events may differ from these.
        if (result.replayed === false) stream.appended(events, result);
        return {
          streamId,
          revision: result.nextRevision,
          position: result.position,
          eventIds: written,
          replayed: result.replayed === true,
        };
      } catch (error) {
        const raced =
          error instanceof WrongExpectedRevisionError || error instanceof IdempotencyConflictError;
        if (!raced) throw error;
        if (origin.expectedRevision !== undefined && error instanceof WrongExpectedRevisionError) {
          throw preconditionFailed(origin.expectedRevision, error.actual);
        }
        // Another process wrote to the stream first: decide again on what it wrote, after a pause.
        await retry.pauseOrThrow(error);
      }
    }
  }

  private metadata(
    commandName: string,
    eventType: string,
    context: CommandContext,
    origin: CommandOrigin,
    causationId: string,
    requestHash: string,
  ): NewEvent['metadata'] {
    return {
      occurredAt: context.occurredAt,
      actor: origin.actor,
      ...(origin.actorRole ? { actorRole: origin.actorRole } : {}),
      sourceSystem: origin.sourceSystem,
      correlationId: origin.correlationId,
      causationId,
      schemaVersion: this.catalogue.schemaVersion(eventType),
      commandName,
      requestHash,
      ...(origin.audit ?? {}),
    };
  }
}
