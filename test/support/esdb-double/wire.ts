/**
 * Message builders shared by the double's handlers. Everything is built with
 * the client's own generated classes (the same module instances its
 * serializers check with `instanceof`), and every 64-bit value is a decimal
 * string, as the generated code expects.
 */
import { Metadata, ServerErrorResponse, status } from '@grpc/grpc-js';
import * as shared from '@eventstore/db-client/generated/shared_pb';
import * as streams from '@eventstore/db-client/generated/streams_pb';
import type { StoredEvent } from './event-log';

export { shared, streams };

export function streamName(identifier: shared.StreamIdentifier | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
}

export function streamIdentifier(name: string): shared.StreamIdentifier {
  return new shared.StreamIdentifier().setStreamName(Buffer.from(name, 'utf8'));
}

export function uuidString(uuid: shared.UUID | undefined): string {
  if (!uuid) return '';
  if (uuid.hasString()) return uuid.getString().toLowerCase();
  const structured = uuid.getStructured();
  if (!structured) return '';
  const hex = (bits: string): string => BigInt.asUintN(64, BigInt(bits)).toString(16).padStart(16, '0');
  const all = hex(structured.getMostSignificantBits()) + hex(structured.getLeastSignificantBits());
  return `${all.slice(0, 8)}-${all.slice(8, 12)}-${all.slice(12, 16)}-${all.slice(16, 20)}-${all.slice(20)}`;
}

/** `withPosition`: $all reads and subscriptions carry the event's commit position; stream reads do not. */
export function eventResponse(event: StoredEvent, withPosition: boolean): streams.ReadResp {
  const recorded = new streams.ReadResp.ReadEvent.RecordedEvent()
    .setId(new shared.UUID().setString(event.id))
    .setStreamIdentifier(streamIdentifier(event.stream))
    .setStreamRevision(String(event.revision))
    .setPreparePosition(String(event.position))
    .setCommitPosition(String(event.position))
    .setData(event.data)
    .setCustomMetadata(event.customMetadata);
  recorded
    .getMetadataMap()
    .set('type', event.type)
    .set('content-type', event.contentType)
    .set('created', event.created.toString());
  const read = new streams.ReadResp.ReadEvent().setEvent(recorded);
  if (withPosition) read.setCommitPosition(String(event.position));
  else read.setNoPosition(new shared.Empty());
  return new streams.ReadResp().setEvent(read);
}

export function checkpointResponse(position: number): streams.ReadResp {
  return new streams.ReadResp().setCheckpoint(
    new streams.ReadResp.Checkpoint()
      .setCommitPosition(String(position))
      .setPreparePosition(String(position)),
  );
}

/** A gRPC error as the server raises it: a status, and the `exception` trailer the client maps from. */
export function rpcError(
  code: status,
  details: string,
  trailers: Record<string, string> = {},
): ServerErrorResponse {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(trailers)) metadata.set(key, value);
  return Object.assign(new Error(details), { code, details, metadata });
}

/** What the server raises for a read or write of a hard-deleted stream. */
export function streamDeletedError(stream: string): ServerErrorResponse {
  return rpcError(status.FAILED_PRECONDITION, `Event stream '${stream}' is deleted.`, {
    exception: 'stream-deleted',
    'stream-name': stream,
  });
}
