import { handleUnaryCall, status } from '@grpc/grpc-js';
import type { EventLog, ExpectedState } from './event-log';
import { rpcError, streamDeletedError, streamName, streams } from './wire';

function expectedOf(options: streams.TombstoneReq.Options): ExpectedState {
  const { ExpectedStreamRevisionCase } = streams.TombstoneReq.Options;
  switch (options.getExpectedStreamRevisionCase()) {
    case ExpectedStreamRevisionCase.REVISION:
      return { kind: 'revision', revision: Number(options.getRevision()) };
    case ExpectedStreamRevisionCase.NO_STREAM:
      return { kind: 'no_stream' };
    case ExpectedStreamRevisionCase.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    default:
      return { kind: 'any' };
  }
}

/** Streams.Tombstone: a hard delete, refused like an append when the expected revision does not match. */
export function tombstoneHandler(
  log: EventLog,
): handleUnaryCall<streams.TombstoneReq, streams.TombstoneResp> {
  return (call, callback) => {
    const options = call.request.getOptions();
    if (!options) return callback(rpcError(status.INVALID_ARGUMENT, "'options' is a required argument"));
    const stream = streamName(options.getStreamIdentifier());
    const outcome = log.tombstone(stream, expectedOf(options));
    switch (outcome.kind) {
      case 'success': {
        const position = new streams.TombstoneResp.Position()
          .setCommitPosition(String(outcome.position))
          .setPreparePosition(String(outcome.position));
        return callback(null, new streams.TombstoneResp().setPosition(position));
      }
      case 'stream-deleted':
        return callback(streamDeletedError(stream));
      case 'wrong-expected-version':
        return callback(
          rpcError(status.FAILED_PRECONDITION, `Stream ${stream}: wrong expected version`, {
            exception: 'wrong-expected-version',
            'stream-name': stream,
            'actual-version': String(outcome.currentRevision),
            'expected-version': '0',
          }),
        );
      default:
        return callback(rpcError(status.INTERNAL, 'unexpected outcome'));
    }
  };
}
