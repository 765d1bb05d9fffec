import type { SqliteEventStore } from '../../event-store/sqlite/sqlite-event-store';
import { planRedaction, redactionStreamId, RedactionOutcome, RedactionRequest } from './redaction-request';

/**
 * SQLite: the event's data is rewritten in place and the audit event appended
 * in one transaction. `secure_delete` zeroes the old record's bytes in the
 * page, and a TRUNCATE checkpoint empties the WAL, where the old page was.
 * Position, revision and id are unchanged.
 */
export async function redactInSqlite(
  store: SqliteEventStore,
  request: RedactionRequest,
): Promise<RedactionOutcome> {
  let planned: ReturnType<typeof planRedaction> | undefined;
  store.db.pragma('secure_delete = ON');
  const auditStreamId = redactionStreamId(request.redactionId);
  const result = await store.rewriteEvent(request.streamId, request.eventId, (event) => {
    planned = planRedaction(request, event, 'in-place', null);
    return { data: planned.data, audit: { stream: auditStreamId, events: [planned.auditEvent] } };
  });
  const [checkpoint] = store.db.memory
    ? [{ busy: 0 }]
    : (store.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>);
  const { audit, salt } = planned!;
  return {
    audit,
    auditStreamId,
    position: result.position,
    salt,
    leftBehind: [
      ...(checkpoint.busy
        ? [
            'The WAL could not be truncated (a reader was active): run PRAGMA wal_checkpoint(TRUNCATE) when idle',
          ]
        : []),
      'Backups and copies of the event file taken before now still hold the removed text',
      'Kafka consumers keep the event as first published; they are sent EventFieldsRedacted to act on',
      'Data cuts whose read models folded the removed text no longer verify (checksum mismatch, see docs)',
      'Other instances of the service keep read models folded before now: rebuild them there too',
    ],
  };
}
