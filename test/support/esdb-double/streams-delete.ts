import { handleUnaryCall, status } from '@grpc/grpc-js';
import type { EventLog, ExpectedState } from './event-log';
import { asciiTrailer, rpcError, streamDeletedError, streamName, streams } from './wire';

type Request = streams.DeleteReq | streams.TombstoneReq;
type Response = streams.DeleteResp | streams.TombstoneResp;

/** The three cases share their numbers in DeleteReq.Options and TombstoneReq.Options. */
const { REVISION, NO_STREAM, ANY, STREAM_EXISTS } = streams.DeleteReq.Options.ExpectedStreamRevisionCase;

function expectedOf(options: NonNullable<ReturnType<Request['getOptions']>>): ExpectedState | undefined {
  switch (options.getExpectedStreamRevisionCase()) {
    case REVISION:
      return { kind: 'revision', revision: Number(options.getRevision()) };
    case NO_STREAM:
      return { kind: 'no_stream' };
    case ANY:
      return { kind: 'any' };
    case STREAM_EXISTS:
      return { kind: 'stream_exists' };
    default:
      return undefined;
  }
}

/** The server's expected version as a long, as its WrongExpectedVersion trailer carries it. */
function expectedVersion(expected: ExpectedState): string {
  switch (expected.kind) {
    case 'revision':
      return String(expected.revision);
    case 'no_stream':
      return '-1';
    case 'any':
      return '-2';
    case 'stream_exists':
      return '-4';
  }
}

/**
 * Streams.Delete (soft) and Streams.Tombstone (hard), unary. A conflict and
 * a deleted stream are gRPC errors with an `exception` trailer here, unlike
 * an append's, as KurrentDB's Streams.Delete.cs raises them.
 */
export function deleteHandler(log: EventLog, hard: boolean): handleUnaryCall<Request, Response> {
  return (call, callback) => {
    const options = call.request.getOptions();
    const expected = options && expectedOf(options);
    if (!options || !expected) {
      callback(rpcError(status.INVALID_ARGUMENT, "'expected_stream_revision' is required"));
      return;
    }
    const stream = streamName(options.getStreamIdentifier());
    const outcome = log.delete(stream, expected, hard);
    switch (outcome.kind) {
      case 'success': {
        const at = String(outcome.position);
        callback(
          null,
          hard
            ? new streams.TombstoneResp().setPosition(
                new streams.TombstoneResp.Position().setCommitPosition(at).setPreparePosition(at),
              )
            : new streams.DeleteResp().setPosition(
                new streams.DeleteResp.Position().setCommitPosition(at).setPreparePosition(at),
              ),
        );
        return;
      }
      case 'stream-deleted':
        callback(streamDeletedError(stream));
        return;
      case 'wrong-expected-version':
        callback(
          rpcError(
            status.FAILED_PRECONDITION,
            `${hard ? 'Tombstone' : 'Delete'} failed due to WrongExpectedVersion. Stream: ${stream}`,
            {
              exception: 'wrong-expected-version',
              'stream-name': asciiTrailer(stream),
              'expected-version': expectedVersion(outcome.expected),
              'actual-version': String(outcome.currentRevision),
            },
          ),
        );
        return;
    }
  };
}
