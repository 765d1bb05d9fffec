/** Metadata a caller gives with each event it appends. */
export interface AppendMetadata {
  /** Business time the fact applies to (ISO 8601). */
  occurredAt: string;
  actor: string;
  sourceSystem: string;
  correlationId: string;
  causationId: string | null;
  schemaVersion: number;
  /** Adapter-independent extras (e.g. the actor's role); never needed to fold state. */
  [extra: string]: unknown;
}

/** Metadata every stored event carries (docs/architecture/domain-model.md, "Event metadata"). */
export interface EventMetadata extends AppendMetadata {
  /** Server time the store wrote it (ISO 8601); set by the store. */
  recordedAt: string;
}

/** What a caller appends; the store adds revision, position and recordedAt. */
export interface NewEvent<Data = unknown> {
  id: string;
  type: string;
  data: Data;
  metadata: AppendMetadata;
}

export interface RecordedEvent<Data = unknown> {
  id: string;
  type: string;
  streamId: string;
  /** Position of the event in its stream, from 0. */
  revision: number;
  /**
   * Position in the store's $all log: strictly increasing in commit order,
   * from 1. Always known in $all reads and subscriptions; in a stream read,
   * UNKNOWN_POSITION where the store does not say (EventStoreDB before 22.6).
   */
  position: number;
  data: Data;
  metadata: EventMetadata;
}

/** A stream-read event's position when the store did not give it; never a real position. */
export const UNKNOWN_POSITION = 0;

export interface AppendResult {
  /** Revision of the last event written (the stream's new revision). */
  nextRevision: number;
  /** Global position of the last event written. */
  position: number;
  /**
   * true: the store recognised a retry of an append already written, wrote
   * nothing and answered with the first one's result; false: it wrote these
   * events; absent: the store cannot tell (EventStoreDB).
   */
  replayed?: boolean;
}

/** Stream category: `organisation-RYX` → `organisation`. */
export function streamCategory(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash === -1 ? streamId : streamId.slice(0, dash);
}

/**
 * A recorded event as one JSON text: the `RecordedEvent` with its keys in
 * declaration order (id, type, streamId, revision, position, data, metadata).
 * A store that holds JSON can hand this out without parsing anything.
 */
export interface SerializedEvent {
  position: number;
  type: string;
  /** `metadata.schemaVersion`, if set: whether the event needs upcasting is known without a parse. */
  schemaVersion: number | null;
  json: string;
}

/** The JSON text of an event, keys in the order `SerializedEvent` promises. */
export function serializeEvent(event: RecordedEvent): SerializedEvent {
  const { id, type, streamId, revision, position, data, metadata } = event;
  return {
    position,
    type,
    schemaVersion:
      metadata.schemaVersion === undefined || metadata.schemaVersion === null
        ? null
        : Number(metadata.schemaVersion),
    json: JSON.stringify({ id, type, streamId, revision, position, data, metadata }),
  };
}

export const parseSerializedEvent = (event: SerializedEvent): RecordedEvent =>
  JSON.parse(event.json) as RecordedEvent;
