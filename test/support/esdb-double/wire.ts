/**
 * Message builders shared by the double's handlers. Everything is built with
 * the client's own generated classes (the same module instances its
 * serializers check with `instanceof`), and every 64-bit value is a decimal
 * string, as the generated code expects.
 */
import { Metadata, ServerErrorResponse, status } from '@grpc/grpc-js';
import * as shared from '@eventstore/db-client/generated/shared_pb';
import * as streams from '@eventstore/db-client/generated/streams_pb';
import { DELETED_STREAM } from './event-log';
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

/** How the double differs from the server version it follows by default. */
export interface ServerQuirks {
  /**
   * As servers before 22.6: events of stream reads and subscriptions carry the
   * unset position (2^64 - 1), and a retried append is answered without one.
   */
  legacyPositions: boolean;
}

/** The server's "none" for a uint64 position: -1 as an unsigned 64-bit number. */
export const UNSET_POSITION = '18446744073709551615';

/**
 * `inAll`: $all reads and subscriptions carry the event's commit position;
 * stream reads do not (and before 22.6, not even in the event itself).
 */
export function eventResponse(event: StoredEvent, inAll: boolean, quirks?: ServerQuirks): streams.ReadResp {
  const position = !inAll && quirks?.legacyPositions ? UNSET_POSITION : String(event.position);
  const recorded = new streams.ReadResp.ReadEvent.RecordedEvent()
    .setId(new shared.UUID().setString(event.id))
    .setStreamIdentifier(streamIdentifier(event.stream))
    .setStreamRevision(event.tombstone ? DELETED_STREAM : String(event.revision))
    .setPreparePosition(position)
    .setCommitPosition(position)
    .setData(event.data)
    .setCustomMetadata(event.customMetadata);
  recorded
    .getMetadataMap()
    .set('type', event.type)
    .set('content-type', event.contentType)
    .set('created', event.created.toString());
  const read = new streams.ReadResp.ReadEvent().setEvent(recorded);
  if (inAll) read.setCommitPosition(String(event.position));
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

/** gRPC metadata values are printable ASCII: a stream name outside it goes URI-encoded (the server's way is not modelled). */
export function asciiTrailer(value: string): string {
  return /^[ -~]*$/.test(value) ? value : encodeURIComponent(value);
}

/** The server's StreamDeleted error: FAILED_PRECONDITION, trailers `exception=stream-deleted` and the stream's name. */
export function streamDeletedError(stream: string): ServerErrorResponse {
  const name = asciiTrailer(stream);
  return rpcError(status.FAILED_PRECONDITION, `Event stream '${name}' is deleted.`, {
    exception: 'stream-deleted',
    'stream-name': name,
  });
}
