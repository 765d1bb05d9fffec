/** Stream categories, longest first so `always-event-…` is not read as `always`. */
export const STREAM_CATEGORIES = [
  'personal-data',
  'always-event',
  'participation',
  'organisation',
  'engagement',
  'evaluation',
  'programme',
  'worklist',
  'measure',
  'pdsa',
] as const;
export type StreamCategory = (typeof STREAM_CATEGORIES)[number];

/** `always-event-<uuid>` → `always-event`; undefined for a stream outside the domain. */
export function categoryOf(streamId: string): StreamCategory | undefined {
  return STREAM_CATEGORIES.find((category) => streamId.startsWith(`${category}-`));
}
