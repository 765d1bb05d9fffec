import { handleServerStreamingCall, status } from '@grpc/grpc-js';
import type { EventLog, StoredEvent } from './event-log';
import { Call, LogSubscription, write } from './log-subscription';
import { ReadFilter, readFilter } from './read-filter';
import { eventResponse, rpcError, streamDeletedError, streamIdentifier, streamName, streams } from './wire';

type Options = streams.ReadReq.Options;
const { StreamOptionCase, CountOptionCase, ReadDirection } = streams.ReadReq.Options;
const { RevisionOptionCase } = streams.ReadReq.Options.StreamOptions;
const { AllOptionCase } = streams.ReadReq.Options.AllOptions;

/**
 * Streams.Read: stream and $all reads in both directions, with a count, and
 * catch-up subscriptions to a stream or to $all. Option combinations the
 * server refuses are refused the same way (INVALID_ARGUMENT).
 */
export function readHandler(log: EventLog): handleServerStreamingCall<streams.ReadReq, streams.ReadResp> {
  return (call) => {
    call.on('error', () => undefined);
    void serve(call, log).catch((error: unknown) => {
      if (!call.cancelled) call.emit('error', rpcError(status.INTERNAL, String(error)));
    });
  };
}

async function serve(call: Call, log: EventLog): Promise<void> {
  const options = call.request.getOptions();
  const invalid = options ? refusal(options) : "'options' is a required argument";
  if (invalid || !options) {
    call.emit('error', rpcError(status.INVALID_ARGUMENT, invalid ?? 'invalid read'));
    return;
  }
  const filter = options.hasFilter() ? readFilter(options.getFilter()) : undefined;
  const subscription = options.getCountOptionCase() === CountOptionCase.SUBSCRIPTION;
  if (options.getStreamOptionCase() === StreamOptionCase.STREAM) {
    const stream = options.getStream() as streams.ReadReq.Options.StreamOptions;
    const name = streamName(stream.getStreamIdentifier());
    const after = revisionOption(stream);
    if (subscription) return new LogSubscription(call, log, { kind: 'stream', stream: name, after }).start();
    return readStream(call, log, name, after, options);
  }
  const all = options.getAll() as streams.ReadReq.Options.AllOptions;
  const from = positionOption(all);
  if (typeof from === 'number' && !log.isReadablePosition(from)) {
    call.emit('error', rpcError(status.INVALID_ARGUMENT, 'Trying to read from an invalid position.'));
    return;
  }
  if (subscription) return new LogSubscription(call, log, { kind: 'all', after: from, filter }).start();
  return readAll(call, log, from, options, filter);
}

function refusal(options: Options): string | undefined {
  if (!options.hasUuidOption()) return "'uuid_option' is a required argument";
  if (options.getStreamOptionCase() === StreamOptionCase.STREAM_OPTION_NOT_SET)
    return "'stream_option' is required";
  if (options.getCountOptionCase() === CountOptionCase.COUNT_OPTION_NOT_SET)
    return "'count_option' is required";
  const subscription = options.getCountOptionCase() === CountOptionCase.SUBSCRIPTION;
  if (subscription && options.getReadDirection() === ReadDirection.BACKWARDS) {
    return 'The combination of (Subscription, Backwards) is invalid.';
  }
  if (subscription && options.hasFilter() && options.getStreamOptionCase() === StreamOptionCase.STREAM) {
    return 'The combination of (Stream, Subscription, Filter) is invalid.';
  }
  return undefined;
}

function revisionOption(stream: streams.ReadReq.Options.StreamOptions): number | 'start' | 'end' {
  switch (stream.getRevisionOptionCase()) {
    case RevisionOptionCase.REVISION:
      return Number(stream.getRevision());
    case RevisionOptionCase.END:
      return 'end';
    default:
      return 'start';
  }
}

function positionOption(all: streams.ReadReq.Options.AllOptions): number | 'start' | 'end' {
  switch (all.getAllOptionCase()) {
    case AllOptionCase.POSITION:
      return Number(all.getPosition()?.getCommitPosition());
    case AllOptionCase.END:
      return 'end';
    default:
      return 'start';
  }
}

async function readStream(
  call: Call,
  log: EventLog,
  name: string,
  from: number | 'start' | 'end',
  options: Options,
): Promise<void> {
  if (log.isTombstoned(name)) {
    call.emit('error', streamDeletedError(name));
    return;
  }
  const events = log.stream(name);
  if (!events) {
    // A normal message, not an error: the client turns it into StreamNotFoundError.
    const notFound = new streams.ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(name));
    await write(call, new streams.ReadResp().setStreamNotFound(notFound));
    call.end();
    return;
  }
  const count = Number(options.getCount());
  const backwards = options.getReadDirection() === ReadDirection.BACKWARDS;
  const last = events.length - 1;
  const selected = backwards
    ? events.slice(0, Math.min(from === 'start' ? 0 : from === 'end' ? last : from, last) + 1).reverse()
    : events.slice(from === 'start' ? 0 : from === 'end' ? events.length : from);
  const truncatedBefore = log.truncateBefore(name);
  const visible = selected.filter((event) => event.revision >= truncatedBefore);
  await send(call, visible.slice(0, count), false);
}

async function readAll(
  call: Call,
  log: EventLog,
  from: number | 'start' | 'end',
  options: Options,
  filter: ReadFilter | undefined,
): Promise<void> {
  const count = Number(options.getCount());
  const events = log.events;
  const backwards = options.getReadDirection() === ReadDirection.BACKWARDS;
  // Forwards includes an event at `from`; backwards returns the events that end at or before it.
  const selected = backwards
    ? events.slice(0, from === 'start' ? 0 : from === 'end' ? events.length : log.indexFrom(from)).reverse()
    : events.slice(from === 'start' ? 0 : from === 'end' ? events.length : log.indexFrom(from));
  const matching: StoredEvent[] = [];
  for (const event of selected) {
    if (matching.length >= count) break;
    if (!filter || filter.matches(event)) matching.push(event);
  }
  await send(call, matching, true);
}

async function send(call: Call, events: readonly StoredEvent[], withPosition: boolean): Promise<void> {
  for (const event of events) {
    if (call.cancelled) return;
    await write(call, eventResponse(event, withPosition));
  }
  call.end();
}
