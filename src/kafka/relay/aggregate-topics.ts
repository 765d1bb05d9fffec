/**
 * The aggregate types (stream categories, docs/architecture/domain-model.md) whose events are
 * published, one topic each. Fixed here so every topic can be created, or
 * checked, before the first event is sent.
 */
export const AGGREGATE_TYPES = [
  'programme',
  'organisation',
  'participation',
  'engagement',
  'always-event',
  'pdsa',
  'measure',
  'evaluation',
  // Erasures, so consumers can erase their own copies of a person's data.
  'personal-data',
  // The programme team's worklist: items opening and closing (docs/integrators/integration-events.md).
  'worklist',
] as const;
export type AggregateType = (typeof AGGREGATE_TYPES)[number];

/** Topic versions change only with a breaking change to the envelope (schemas/integration-events/). */
export const TOPIC_VERSION = 'v1';

// Longest first: `always-event-<uuid>` is an Always Event even if an `always` category ever appears.
const BY_LENGTH = [...AGGREGATE_TYPES].sort((a, b) => b.length - a.length);

/**
 * The aggregate type of a stream `<type>-<id>`, matched against the known
 * types rather than cut at the first `-`, because `always-event` has one.
 */
export function aggregateTypeOf(streamId: string): AggregateType | undefined {
  return BY_LENGTH.find((type) => streamId.startsWith(`${type}-`) && streamId.length > type.length + 1);
}

export function topicFor(prefix: string, type: AggregateType): string {
  return `${prefix}.${type}.${TOPIC_VERSION}`;
}

export function relayTopics(prefix: string): string[] {
  return AGGREGATE_TYPES.map((type) => topicFor(prefix, type));
}
