import { HttpStatus } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CommandContext } from '../domain/shared';
import {
  IdempotencyConflictError,
  IdempotencyKeyReusedError,
  WrongExpectedRevisionError,
} from '../event-store/errors';
import { IdempotencyClaim, idempotencyFingerprint } from '../event-store/idempotency-claim';
import type { EventStore } from '../event-store/port';
import { NewEvent } from '../event-store/recorded-event';
import { canonicalJson, sha256Hex } from '../shared/canonical-json';
import type { Clock } from '../shared/clock';
import { ProblemException } from '../shared/problem';
import type { CatalogueService } from './catalogue.service';
import type { StreamDecision } from './command-definition';
import { derivedEventId, findRetried, RetriedResult } from './event-ids';
import { CommandOrigin, ExecuteCommand } from './execute-command';
import { occurredAtOf } from './fact-date';

export const preconditionFailed = (expected: number, actual: number): ProblemException =>
  new ProblemException(
    HttpStatus.PRECONDITION_FAILED,
    'revision-mismatch',
    'Precondition failed',
    `If-Match expected revision ${expected}, the stream is at revision ${actual}`,
    { expectedRevision: expected, actualRevision: actual },
  );

/** An append lost a race with another writer: decide again on what it wrote. */
export const isRace = (error: unknown): error is WrongExpectedRevisionError | IdempotencyConflictError =>
  error instanceof WrongExpectedRevisionError || error instanceof IdempotencyConflictError;

/** A command with what every attempt at it needs: its stream, the hash of the request, its key's claim. */
export interface PreparedCommand {
  command: ExecuteCommand;
  streamId: string;
  requestHash: string;
  claim: IdempotencyClaim | undefined;
}

export function prepareCommand(command: ExecuteCommand): PreparedCommand {
  const { name, dto, streamId } = command.command;
  const { origin } = command;
  // The key itself is not part of the request: sending it as a header or as commandId is the same request.
  // canonicalJson reads the DTO's own fields at every level, as instanceToPlain would give them (tested).
  const { commandId: _key, ...body } = dto;
  const requestHash = sha256Hex(
    canonicalJson({ command: name, body, ifMatch: origin.expectedRevision ?? null }),
  );
  const key = origin.idempotencyKey;
  const claim = key
    ? { key, fingerprint: idempotencyFingerprint(streamId, requestHash), command: name }
    : undefined;
  return { command, streamId, requestHash, claim };
}

/** Refused before anything is decided: the store's record of keys, not this process's memory. */
export async function refuseReusedKey(store: EventStore, claim: IdempotencyClaim | undefined): Promise<void> {
  if (!claim) return;
  const first = await store.idempotencyKeyUse(claim.key);
  if (first && first.fingerprint !== claim.fingerprint)
    throw new IdempotencyKeyReusedError(claim.key, first.command);
}

export type Decision =
  { kind: 'retried'; retried: RetriedResult } | { kind: 'nothing' } | { kind: 'append'; events: NewEvent[] };

export interface DecisionDependencies {
  clock: Clock;
  catalogue: CatalogueService;
  /** Where a retry's stored events are read (event-ids.ts). */
  store: Pick<EventStore, 'readStream'>;
}

/**
 * One attempt at a command on the stream as given: a retry of a keyed request
 * finds its own events; If-Match must name the revision; then the facts, the
 * decision and the events with their ids and metadata. Throws the decider's
 * refusal. The stream's `decide` looks up the facts with the lookups it was loaded with.
 */
export async function decideCommand(
  deps: DecisionDependencies,
  prepared: PreparedCommand,
  stream: StreamDecision,
  /** `keyUnused`: the store has just said no append ever claimed the key, so there is no retry to find. */
  options: { keyUnused?: boolean } = {},
): Promise<Decision> {
  const { name, dto } = prepared.command.command;
  const { origin } = prepared.command;
  const { streamId, requestHash, claim } = prepared;
  const key = claim?.key;
  if (key && !options.keyUnused) {
    const retried = await findRetried(
      stream.known,
      { command: name, streamId, key, requestHash },
      (fromRevision, count) => deps.store.readStream(streamId, { fromRevision, maxCount: count }),
    );
    if (retried) return { kind: 'retried', retried };
  }
  if (origin.expectedRevision !== undefined && origin.expectedRevision !== stream.revision) {
    throw preconditionFailed(origin.expectedRevision, stream.revision);
  }
  const now = deps.clock.now().toISOString();
  const context: CommandContext = { now, occurredAt: occurredAtOf(dto, now) };
  const decided = await stream.decide(context);
  if (decided.length === 0) return { kind: 'nothing' };
  const causationId = key ?? randomUUID();
  const events: NewEvent[] = decided.map((event, i) => ({
    id: key ? derivedEventId(name, streamId, key, i) : randomUUID(),
    type: event.type,
    data: event.data,
    metadata: eventMetadata(deps.catalogue, name, event.type, context, origin, causationId, requestHash),
  }));
  return { kind: 'append', events };
}

function eventMetadata(
  catalogue: CatalogueService,
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
    schemaVersion: catalogue.schemaVersion(eventType),
    commandName,
    requestHash,
    ...(origin.audit ?? {}),
  };
}
