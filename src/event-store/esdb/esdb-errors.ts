import { status } from '@grpc/grpc-js';
import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamDeletedError as EsdbStreamDeletedError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import {
  EventStoreUnavailableError,
  InvalidAppendError,
  StreamDeletedError,
  WrongExpectedRevisionError,
} from '../errors';
import type { ExpectedRevision } from '../expected-revision';
import { toPortRevision } from './esdb-positions';

/** gRPC codes that say "this request is wrong" rather than "the server is not there right now". */
const REQUEST_ERRORS = new Set<number>([
  status.INVALID_ARGUMENT,
  status.NOT_FOUND,
  status.ALREADY_EXISTS,
  status.PERMISSION_DENIED,
  status.UNAUTHENTICATED,
  status.FAILED_PRECONDITION,
  status.OUT_OF_RANGE,
  status.UNIMPLEMENTED,
]);

/**
 * True when the server could not be reached or dropped the call: a retry may
 * succeed. Anything the server itself refused (a conflict, a bad request,
 * access) is false.
 */
export function isConnectionError(error: unknown): boolean {
  if (
    error instanceof UnavailableError ||
    error instanceof CancelledError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof NotLeaderError
  ) {
    return true;
  }
  if (
    error instanceof WrongExpectedVersionError ||
    error instanceof AccessDeniedError ||
    error instanceof EsdbStreamDeletedError ||
    error instanceof MaxAppendSizeExceededError
  ) {
    return false;
  }
  const code = (error as { code?: unknown } | undefined)?.code;
  // Transport failures below gRPC (e.g. a socket reset while writing) carry no gRPC code.
  return typeof code === 'number' ? !REQUEST_ERRORS.has(code) : error instanceof Error && 'syscall' in error;
}

export function unavailable(endpoint: string, error: unknown): EventStoreUnavailableError {
  const reason = error instanceof Error ? error.message : String(error);
  return new EventStoreUnavailableError(`EventStoreDB at ${endpoint} is unreachable: ${reason}`, {
    cause: error,
  });
}

/** An append's failure in the port's terms; the original error is the cause where there is one. */
export function toAppendError(
  error: unknown,
  context: { endpoint: string; stream: string; expected: ExpectedRevision },
): unknown {
  if (error instanceof WrongExpectedVersionError) {
    return new WrongExpectedRevisionError(
      context.stream,
      context.expected,
      toPortRevision(error.actualVersion),
    );
  }
  if (error instanceof MaxAppendSizeExceededError) {
    return new InvalidAppendError(
      `Append to ${context.stream} is larger than EventStoreDB's maximum append size of ${error.maxAppendSize} bytes`,
    );
  }
  return toReadError(error, context.endpoint);
}

/** A read's failure in the port's terms; of deleted streams, only a tombstoned one fails a read. */
export function toReadError(error: unknown, endpoint: string, stream?: string): unknown {
  if (stream !== undefined && error instanceof EsdbStreamDeletedError)
    return new StreamDeletedError(stream, true);
  return isConnectionError(error) ? unavailable(endpoint, error) : error;
}

/** The client's StreamDeletedError, which does not say whether the stream was soft-deleted or tombstoned. */
export function isStreamDeleted(error: unknown): boolean {
  return error instanceof EsdbStreamDeletedError;
}
