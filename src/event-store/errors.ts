import { describeExpectedRevision, ExpectedRevision } from './expected-revision';

/** The stream was not where the caller expected: nothing was written. */
export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** Current revision; -1 when the stream does not exist. */
    readonly actual: number,
  ) {
    super(`Stream ${stream} is at revision ${actual}, expected ${describeExpectedRevision(expected)}`);
  }
}

/**
 * Some of the event ids were already appended, but not as this exact batch at
 * this place: a retry that does not match the original write.
 */
export class IdempotencyConflictError extends Error {
  override readonly name = 'IdempotencyConflictError';
  constructor(
    readonly stream: string,
    readonly eventIds: readonly string[],
    reason: string,
  ) {
    super(`Events ${eventIds.join(', ')} on ${stream}: ${reason}`);
  }
}

/** An idempotency key was first used for another request: nothing was written. */
export class IdempotencyKeyReusedError extends Error {
  override readonly name = 'IdempotencyKeyReusedError';
  constructor(
    readonly key: string,
    /** The command the key was first used for. */
    readonly firstCommand: string,
  ) {
    super(`Idempotency key ${key} was first used for a different ${firstCommand} request`);
  }
}

/** The store cannot be reached or used right now; the operation may be retried. */
export class EventStoreUnavailableError extends Error {
  override readonly name = 'EventStoreUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The store cannot start: bad path, unreadable or foreign file, unsupported adapter. */
export class EventStoreStartupError extends Error {
  override readonly name = 'EventStoreStartupError';
}

/** An append the port refuses before touching the store (empty batch, bad names). */
export class InvalidAppendError extends Error {
  override readonly name = 'InvalidAppendError';
}

/** A read the port refuses before touching the store (a revision or count that is not a whole number). */
export class InvalidReadError extends Error {
  override readonly name = 'InvalidReadError';
}

/**
 * The stream was deleted, and the operation cannot apply to it; nothing was
 * written. `tombstoned`: deleted for good (every read and append fails, the
 * name can never be used again); otherwise soft-deleted, which fails only an
 * append that insists the stream exists (`stream_exists`). See port.ts.
 */
export class StreamDeletedError extends Error {
  override readonly name = 'StreamDeletedError';
  constructor(
    readonly stream: string,
    readonly tombstoned: boolean,
  ) {
    super(
      tombstoned
        ? `Stream ${stream} was tombstoned: it can never be read or written again`
        : `Stream ${stream} was deleted; only an append that does not insist it exists recreates it`,
    );
  }
}

/** A governed change named an event the stream does not hold. */
export class EventNotFoundError extends Error {
  override readonly name = 'EventNotFoundError';
  constructor(
    readonly stream: string,
    readonly eventId: string,
  ) {
    super(`Stream ${stream} has no event ${eventId}`);
  }
}
