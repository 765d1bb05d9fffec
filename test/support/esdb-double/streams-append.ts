import { handleClientStreamingCall, sendUnaryData, ServerErrorResponse, status } from '@grpc/grpc-js';
import type { AppendOutcome, EventLog, ExpectedState, ProposedEvent } from './event-log';
import { rpcError, ServerQuirks, shared, streamDeletedError, streamName, streams, uuidString } from './wire';

/** Test hooks: hold appends to model a lost connection before or after the write, or answer them late. */
export interface AppendFaults {
  stall: 'none' | 'before-write' | 'after-write';
  /** Answer each append this long after writing it (0: at once), so a test can act while appends are pending. */
  replyDelayMs: number;
  onReceived(method: AppendMethod): void;
}

/** Streams.Append (one call per append) or Streams.BatchAppend (one stream for many). */
export type AppendMethod = 'append' | 'batchAppend';

interface Proposal {
  getId(): shared.UUID | undefined;
  getMetadataMap(): { get(key: string): string | undefined };
  getData_asU8(): Uint8Array;
  getCustomMetadata_asU8(): Uint8Array;
}

export function toProposed(message: Proposal): ProposedEvent | ServerErrorResponse {
  const metadata = message.getMetadataMap();
  for (const key of ['type', 'content-type']) {
    if (metadata.get(key) === undefined) {
      return rpcError(status.INVALID_ARGUMENT, `Missing required metadata property: ${key}`, {
        exception: 'missing-required-metadata-property',
        'required-metadata-properties': key,
      });
    }
  }
  return {
    id: uuidString(message.getId()),
    type: metadata.get('type') as string,
    contentType: metadata.get('content-type') as string,
    data: message.getData_asU8(),
    customMetadata: message.getCustomMetadata_asU8(),
  };
}

function appendOptionsExpected(options: streams.AppendReq.Options): ExpectedState | undefined {
  switch (options.getExpectedStreamRevisionCase()) {
    case streams.AppendReq.Options.ExpectedStreamRevisionCase.REVISION:
      return { kind: 'revision', revision: Number(options.getRevision()) };
    case streams.AppendReq.Options.ExpectedStreamRevisionCase.NO_STREAM:
      return { kind: 'no_stream' };
    case streams.AppendReq.Options.ExpectedStreamRevisionCase.ANY:
      return { kind: 'any' };
    case streams.AppendReq.Options.ExpectedStreamRevisionCase.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    default:
      return undefined;
  }
}

/** Streams.Append: options first, then one message per event; the outcome is one response. */
export function appendHandler(
  log: EventLog,
  faults: AppendFaults,
  quirks: ServerQuirks,
): handleClientStreamingCall<streams.AppendReq, streams.AppendResp> {
  return (call, callback) => {
    let stream = '';
    let expected: ExpectedState | undefined;
    const proposed: ProposedEvent[] = [];
    let failure: ServerErrorResponse | undefined;
    call.on('data', (request: streams.AppendReq) => {
      if (failure) return;
      const options = request.getOptions();
      if (options) {
        stream = streamName(options.getStreamIdentifier());
        expected = appendOptionsExpected(options);
        if (!expected) failure = rpcError(status.INVALID_ARGUMENT, "'expected_stream_revision' is required");
        return;
      }
      if (expected === undefined) {
        failure = rpcError(status.INVALID_ARGUMENT, 'The first message of an append must carry its options');
        return;
      }
      const event = toProposed(request.getProposedMessage() as streams.AppendReq.ProposedMessage);
      if (event instanceof Error) failure = event;
      else proposed.push(event);
    });
    call.on('error', () => undefined);
    // A client killed mid-append can look like one that ended its request (Node's http2 ends the
    // readable side of a stream it closes), and is told apart only once the close has cancelled the
    // call, which happens in the same I/O turn: the server writes nothing of a request it did not
    // receive whole, so the double writes only after that turn.
    call.on('end', () =>
      setImmediate(() => {
        if (call.cancelled) return;
        if (failure || !expected) {
          callback(failure ?? rpcError(status.INVALID_ARGUMENT, 'An append needs options'));
          return;
        }
        const state = expected;
        settle(
          faults,
          'append',
          () => log.append(stream, state, proposed),
          (outcome) => replyToAppend(outcome, stream, callback, quirks),
        );
      }),
    );
  };
}

function replyToAppend(
  outcome: AppendOutcome,
  stream: string,
  callback: sendUnaryData<streams.AppendResp>,
  quirks: ServerQuirks,
): void {
  switch (outcome.kind) {
    case 'success': {
      const success = new streams.AppendResp.Success();
      // An append of no events to a stream that does not exist succeeds at "no stream".
      if (outcome.currentRevision < 0) success.setNoStream(new shared.Empty());
      else success.setCurrentRevision(String(outcome.currentRevision));
      if (outcome.replayed && quirks.legacyPositions) success.setNoPosition(new shared.Empty());
      else {
        success.setPosition(
          new streams.AppendResp.Position()
            .setCommitPosition(String(outcome.position))
            .setPreparePosition(String(outcome.position)),
        );
      }
      callback(null, new streams.AppendResp().setSuccess(success));
      return;
    }
    case 'stream-deleted':
      callback(streamDeletedError(stream));
      return;
    case 'too-large':
      callback(
        rpcError(status.INVALID_ARGUMENT, `Maximum Append Size of ${outcome.maxAppendSize} Exceeded.`, {
          exception: 'maximum-append-size-exceeded',
          'maximum-append-size': String(outcome.maxAppendSize),
        }),
      );
      return;
    case 'wrong-expected-version': {
      // The server fills the current fields and the deprecated 20.6.0 ones, a normal response, not an error.
      const wrong = new streams.AppendResp.WrongExpectedVersion();
      if (outcome.currentRevision < 0) {
        wrong.setCurrentNoStream(new shared.Empty()).setNoStream2060(new shared.Empty());
      } else {
        wrong
          .setCurrentRevision(String(outcome.currentRevision))
          .setCurrentRevision2060(outcome.currentRevision);
      }
      const expected = outcome.expected;
      if (expected.kind === 'revision') {
        wrong.setExpectedRevision(String(expected.revision)).setExpectedRevision2060(expected.revision);
      } else if (expected.kind === 'any') {
        wrong.setExpectedAny(new shared.Empty()).setAny2060(new shared.Empty());
      } else if (expected.kind === 'stream_exists') {
        wrong.setExpectedStreamExists(new shared.Empty()).setStreamExists2060(new shared.Empty());
      } else {
        wrong.setExpectedNoStream(new shared.Empty());
      }
      callback(null, new streams.AppendResp().setWrongExpectedVersion(wrong));
    }
  }
}

/** Runs the write now, or holds it (and its reply) when a test models a connection lost mid-command. */
export function settle(
  faults: AppendFaults,
  method: AppendMethod,
  write: () => AppendOutcome,
  reply: (outcome: AppendOutcome) => void,
): void {
  faults.onReceived(method);
  if (faults.stall === 'before-write') return;
  const outcome = write();
  if (faults.stall === 'after-write') return;
  if (faults.replyDelayMs > 0) setTimeout(() => reply(outcome), faults.replyDelayMs);
  else reply(outcome);
}
