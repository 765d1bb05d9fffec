import { HttpStatus, Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { instanceToPlain } from 'class-transformer';
import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { CommandContext } from '../domain/shared';
import { WrongExpectedRevisionError, IdempotencyConflictError } from '../event-store/errors';
import { EVENT_STORE } from '../event-store/port';
import type { EventStore } from '../event-store/port';
import { NewEvent } from '../event-store/recorded-event';
import { ProblemException } from '../http/problem';
import { CommandMetrics } from '../metrics/command-metrics';
import { canonicalJson, sha256Hex } from '../support/canonical-json';
import { Clock } from './clock';
import { occurredAtOf } from './fact-date';
import { CatalogueService } from './catalogue.service';
import { CommandOrigin, CommandResult, ExecuteCommand } from './execute-command';
import { FactLookups } from './fact-lookups';
import type { KnownEvent } from './stream-state-cache';
import { IdempotencyIndex, keyReusedProblem } from './idempotency-index';

/** Namespace for event ids derived from idempotency keys (a fixed, random UUID). */
const EVENT_ID_NAMESPACE = '3f6c1d0e-6a57-4d8e-9b1f-2c1e5f0a9d47';
/** Optimistic-concurrency retries when the caller did not pin a revision; bounded, never forever. */
export const MAX_ATTEMPTS = 5;

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
 * Event ids derive from the idempotency key, so a retry finds its own events
 * and answers with the original result instead of writing again.
 */
@CommandHandler(ExecuteCommand)
export class ExecuteCommandHandler implements ICommandHandler<ExecuteCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly lookups: FactLookups,
    private readonly idempotency: IdempotencyIndex,
    private readonly catalogue: CatalogueService,
    private readonly clock: Clock,
    private readonly metrics: CommandMetrics,
  ) {}

  execute(command: ExecuteCommand): Promise<CommandResult> {
    const { definition, origin } = command;
    return this.metrics.observe(definition.name, origin.transport ?? 'internal', () => this.run(command));
  }

  private async run({ definition, dto, origin }: ExecuteCommand): Promise<CommandResult> {
    const streamId = definition.streamId(dto);
    const key = origin.idempotencyKey;
    // The key itself is not part of the request: sending it as a header or as commandId is the same request.
    const { commandId: _key, ...body } = instanceToPlain(dto);
    const requestHash = sha256Hex(
      canonicalJson({ command: definition.name, body, ifMatch: origin.expectedRevision ?? null }),
    );
    if (key) this.idempotency.check(key, definition.name, streamId, requestHash);
    const derived: string[] = [];
    // Each id is derived once: the replay check and every attempt ask for the same ones.
    const eventIds = (count: number): string[] => {
      for (let i = derived.length; i < count; i++)
        derived.push(key ? uuidv5(`${definition.name}\n${key}\n${i}`, EVENT_ID_NAMESPACE) : randomUUID());
      return derived.slice(0, count);
    };

    for (let attempt = 1; ; attempt++) {
      const stream = await this.lookups.streams.load(definition.decider, streamId);
      const revision = stream.revision;
      if (key) {
        const replay = this.findReplay(stream.known, eventIds(1)[0], requestHash, key);
        if (replay) {
          this.idempotency.record(key, definition.name, streamId, requestHash);
          return { streamId, ...replay, replayed: true };
        }
      }
      if (origin.expectedRevision !== undefined && origin.expectedRevision !== revision) {
        throw preconditionFailed(origin.expectedRevision, revision);
      }

      const now = this.clock.now().toISOString();
      const context: CommandContext = { now, occurredAt: occurredAtOf(definition, dto, now) };
      const facts = definition.facts ? await definition.facts(dto, this.lookups, context) : undefined;
      const decided = definition.decider.decide(definition.toCommand(dto, context, facts), stream.state);
      if (decided.length === 0) {
        return {
          streamId,
          revision,
          position: await this.store.headPosition(),
          eventIds: [],
          replayed: false,
        };
      }
      const ids = eventIds(decided.length);
      const causationId = key ?? randomUUID();
      const events: NewEvent[] = decided.map((event, i) => ({
        id: ids[i],
        type: event.type,
        data: event.data,
        metadata: this.metadata(definition.name, event.type, context, origin, causationId, requestHash),
      }));
      try {
        const result = await this.metrics.timeAppend(definition.name, () =>
          this.store.appendToStream(streamId, events, { expectedRevision: revision }),
        );
        if (key) this.idempotency.record(key, definition.name, streamId, requestHash);
        // Only events the store says it wrote: a replay's stored events may differ from these.
        if (result.replayed === false)
          this.lookups.streams.appended(definition.decider, streamId, revision, events, result);
        return {
          streamId,
          revision: result.nextRevision,
          position: result.position,
          eventIds: ids,
          replayed: false,
        };
      } catch (error) {
        const raced =
          error instanceof WrongExpectedRevisionError || error instanceof IdempotencyConflictError;
        if (!raced) throw error;
        if (origin.expectedRevision !== undefined && error instanceof WrongExpectedRevisionError) {
          throw preconditionFailed(origin.expectedRevision, error.actual);
        }
        if (attempt >= MAX_ATTEMPTS) throw error;
        // Someone else wrote to the stream first: decide again on what they wrote.
      }
    }
  }

  /** The events a previous request with this key wrote, if any; a different body with the same key is refused. */
  private findReplay(
    known: ReadonlyMap<string, KnownEvent>,
    firstId: string,
    requestHash: string,
    key: string,
  ): Omit<CommandResult, 'streamId' | 'replayed'> | undefined {
    const first = known.get(firstId);
    if (!first) return undefined;
    if (first.requestHash !== requestHash) {
      throw keyReusedProblem(key, 'it was first used with a different request body');
    }
    const written = [...known.values()]
      .filter(
        (event) =>
          event.revision >= first.revision &&
          event.requestHash === requestHash &&
          event.causationId === first.causationId,
      )
      .sort((a, b) => a.revision - b.revision);
    const last = written[written.length - 1];
    return { revision: last.revision, position: last.position, eventIds: written.map((event) => event.id) };
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
