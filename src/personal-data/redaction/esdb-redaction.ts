import { jsonEvent } from '@eventstore/db-client';
import type { JSONType } from '@eventstore/db-client';
import { EventNotFoundError } from '../../event-store/errors';
import type { EsdbEventStore } from '../../event-store/esdb/esdb-event-store';
import { planRedaction, redactionStreamId, RedactionOutcome, RedactionRequest } from './redaction-request';

/**
 * EventStoreDB, whose events cannot be changed: the stream is copied onto
 * itself with the named fields corrected (same event ids, new revisions and
 * positions), its metadata truncates everything before the copies (`$tb`),
 * and the audit event records both. The originals leave the database files
 * only at the next scavenge, which the operator runs next.
 */
export async function redactInEsdb(
  store: EsdbEventStore,
  request: RedactionRequest,
): Promise<RedactionOutcome> {
  const auditStreamId = redactionStreamId(request.redactionId);
  const events = await store.readStream(request.streamId);
  const target = events.find((event) => event.id === request.eventId.toLowerCase());
  if (!target) throw new EventNotFoundError(request.streamId, request.eventId);
  const last = events[events.length - 1].revision;
  const truncatedBefore = last + 1;
  const planned = planRedaction(request, target, 'copy-and-truncate', truncatedBefore);
  const copies = events.map((event) =>
    jsonEvent({
      id: event.id,
      type: event.type,
      data: (event === target ? planned.data : event.data) as JSONType,
      metadata: {
        ...event.metadata,
        // The copy's recordedAt is the server's time of the copy; the original's is kept here.
        originalRecordedAt: event.metadata.recordedAt,
        originalPosition: event.position,
        redactionId: planned.audit.redactionId,
      } as JSONType,
    }),
  );
  // Exactly after the last original: a writer that got in first makes this fail, and nothing is changed.
  await store.client.appendToStream(request.streamId, copies, { expectedRevision: BigInt(last) });
  await store.client.setStreamMetadata(request.streamId, { truncateBefore: truncatedBefore });
  const result = await store.appendToStream(auditStreamId, [planned.auditEvent], {
    expectedRevision: 'no_stream',
  });
  return {
    audit: planned.audit,
    auditStreamId,
    position: result.position,
    salt: planned.salt,
    leftBehind: [
      `Run a scavenge now: until then the original events are still in the database files and in $all reads`,
      `Then rebuild every read model (delete the state file, or POST /v1/admin/read-models/{name}/rebuild on every instance): ` +
        `$all now holds the corrected copies as new events at new positions`,
      `The stream's revisions now start at ${truncatedBefore}; the copies' recordedAt is the time of the redaction`,
      'Data cuts taken before now are bounded below the copies and no longer verify (see docs)',
      'Kafka consumers keep the originals (the copies carry the same event ids, so they are deduplicated away); ' +
        'they are sent EventFieldsRedacted to act on',
      'Backups taken before now still hold the originals',
    ],
  };
}
