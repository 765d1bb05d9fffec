import type { StoredEvent } from './event-log';
import { streams } from './wire';

type FilterOptions = streams.ReadReq.Options.FilterOptions;

/** The server-side $all filter of a read or subscription, as the server applies it. */
export interface ReadFilter {
  matches(event: StoredEvent): boolean;
  /** Events considered (matching or not) between two checkpoints, for subscriptions. */
  checkpointInterval: number;
}

/** The server's default search window; the client's `checkpointInterval` multiplies it. */
const DEFAULT_MAX_SEARCH_WINDOW = 32;

export function readFilter(options: FilterOptions | undefined): ReadFilter | undefined {
  if (!options) return undefined;
  const onStream = options.hasStreamIdentifier();
  const expression = onStream ? options.getStreamIdentifier() : options.getEventType();
  if (!expression) return undefined;
  const regex = expression.getRegex();
  const prefixes = expression.getPrefixList();
  const pattern = regex ? new RegExp(regex) : undefined;
  const test = pattern
    ? (value: string) => pattern.test(value)
    : (value: string) => prefixes.some((prefix) => value.startsWith(prefix));
  const window = options.hasMax() ? options.getMax() : DEFAULT_MAX_SEARCH_WINDOW;
  return {
    matches: (event) => test(onStream ? event.stream : event.type),
    checkpointInterval: Math.max(1, window * Math.max(1, options.getCheckpointintervalmultiplier())),
  };
}
