import { handleBidiStreamingCall, ServerErrorResponse } from '@grpc/grpc-js';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty } from 'google-protobuf/google/protobuf/empty_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import * as statusPb from '@eventstore/db-client/generated/status_pb';
import type { AppendOutcome, EventLog, ExpectedState, ProposedEvent } from './event-log';
import { AppendFaults, settle, toProposed } from './streams-append';
import { ServerQuirks, shared, streamIdentifier, streamName, streams, uuidString } from './wire';

function batchExpected(options: streams.BatchAppendReq.Options): ExpectedState | undefined {
  switch (options.getExpectedStreamPositionCase()) {
    case streams.BatchAppendReq.Options.ExpectedStreamPositionCase.STREAM_POSITION:
      return { kind: 'revision', revision: Number(options.getStreamPosition()) };
    case streams.BatchAppendReq.Options.ExpectedStreamPositionCase.NO_STREAM:
      return { kind: 'no_stream' };
    case streams.BatchAppendReq.Options.ExpectedStreamPositionCase.ANY:
      return { kind: 'any' };
    case streams.BatchAppendReq.Options.ExpectedStreamPositionCase.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    default:
      return undefined;
  }
}

interface PendingBatch {
  stream: string;
  expected: ExpectedState | undefined;
  proposed: ProposedEvent[];
  failure?: ServerErrorResponse;
}

/**
 * Streams.BatchAppend: one long-lived bidi call multiplexing appends by
 * correlation id; each append may span several requests and is answered once
 * its `is_final` request arrives. Failures are `google.rpc.Status` replies
 * with a packed detail, never a gRPC error.
 */
export function batchAppendHandler(
  log: EventLog,
  faults: AppendFaults,
  quirks: ServerQuirks,
): handleBidiStreamingCall<streams.BatchAppendReq, streams.BatchAppendResp> {
  return (call) => {
    const pending = new Map<string, PendingBatch>();
    call.on('error', () => undefined);
    call.on('end', () => call.end());
    call.on('data', (request: streams.BatchAppendReq) => {
      const correlation = uuidString(request.getCorrelationId());
      let batch = pending.get(correlation);
      const options = request.getOptions();
      if (!batch) {
        batch = {
          stream: streamName(options?.getStreamIdentifier()),
          expected: options ? batchExpected(options) : undefined,
          proposed: [],
        };
        pending.set(correlation, batch);
      }
      for (const message of request.getProposedMessagesList()) {
        const event = toProposed(message);
        if (event instanceof Error) batch.failure = event;
        else batch.proposed.push(event);
      }
      if (!request.getIsFinal()) return;
      pending.delete(correlation);
      const response = new streams.BatchAppendResp()
        .setCorrelationId(request.getCorrelationId())
        .setStreamIdentifier(streamIdentifier(batch.stream));
      const done = batch;
      if (done.failure || !done.expected) {
        response.setError(
          statusOf(Code.INVALID_ARGUMENT, done.failure?.message ?? 'An append needs options'),
        );
        call.write(response);
        return;
      }
      const expected = done.expected;
      settle(
        faults,
        'batchAppend',
        () => log.append(done.stream, expected, done.proposed),
        (outcome) => {
          if (!call.cancelled) call.write(describeBatchOutcome(outcome, response, quirks));
        },
      );
    });
  };
}

function describeBatchOutcome(
  outcome: AppendOutcome,
  response: streams.BatchAppendResp,
  quirks: ServerQuirks,
): streams.BatchAppendResp {
  switch (outcome.kind) {
    case 'success': {
      const success = new streams.BatchAppendResp.Success();
      // An append of no events to a stream that does not exist succeeds at "no stream".
      if (outcome.currentRevision < 0) success.setNoStream(new Empty());
      else success.setCurrentRevision(String(outcome.currentRevision));
      if (outcome.replayed && quirks.legacyPositions) success.setNoPosition(new Empty());
      else {
        success.setPosition(
          new shared.AllStreamPosition()
            .setCommitPosition(String(outcome.position))
            .setPreparePosition(String(outcome.position)),
        );
      }
      return response.setSuccess(success);
    }
    case 'stream-deleted': {
      // Status.StreamDeleted on the server: NOT_FOUND, with the stream in the packed detail.
      const detail = new shared.StreamDeleted().setStreamIdentifier(response.getStreamIdentifier());
      return response.setError(statusOf(Code.NOT_FOUND, 'StreamDeleted', detail, 'StreamDeleted'));
    }
    case 'too-large': {
      const detail = new shared.MaximumAppendSizeExceeded().setMaxappendsize(outcome.maxAppendSize);
      return response.setError(
        statusOf(Code.INVALID_ARGUMENT, 'Maximum Append Size Exceeded', detail, 'MaximumAppendSizeExceeded'),
      );
    }
    case 'wrong-expected-version': {
      const detail = new shared.WrongExpectedVersion();
      if (outcome.currentRevision < 0) detail.setCurrentNoStream(new Empty());
      else detail.setCurrentStreamRevision(String(outcome.currentRevision));
      const expected = outcome.expected;
      if (expected.kind === 'revision') detail.setExpectedStreamPosition(String(expected.revision));
      else if (expected.kind === 'any') detail.setExpectedAny(new Empty());
      else if (expected.kind === 'stream_exists') detail.setExpectedStreamExists(new Empty());
      else detail.setExpectedNoStream(new Empty());
      return response.setError(
        statusOf(Code.ALREADY_EXISTS, 'WrongExpectedVersion', detail, 'WrongExpectedVersion'),
      );
    }
  }
}

function statusOf(
  code: Code,
  message: string,
  detail?: { serializeBinary(): Uint8Array },
  detailType?: string,
): statusPb.Status {
  const result = new statusPb.Status().setCode(code).setMessage(message);
  if (detail && detailType) {
    const any = new Any();
    any.pack(detail.serializeBinary(), `event_store.client.${detailType}`);
    result.setDetails(any);
  }
  return result;
}
