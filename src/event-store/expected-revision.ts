/**
 * One revision convention for every adapter: a stream's revision is the
 * revision of its last event, and a stream with no events is at -1.
 */
export const NO_STREAM_REVISION = -1;

export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export function describeExpectedRevision(expected: ExpectedRevision): string {
  return typeof expected === 'number' ? String(expected) : expected;
}

/** True when a stream currently at `actual` satisfies `expected`. */
export function matchesExpectedRevision(expected: ExpectedRevision, actual: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === NO_STREAM_REVISION;
    case 'stream_exists':
      return actual !== NO_STREAM_REVISION;
    default:
      return expected === actual;
  }
}

/**
 * Whether a write (an append or a delete) expecting `expected` may go ahead
 * on a stream whose last revision is `actual`. As EventStoreDB's commit check
 * has it, a soft-deleted stream also takes "no stream" (which recreates it).
 */
export function acceptsWrite(expected: ExpectedRevision, actual: number, softDeleted: boolean): boolean {
  if (matchesExpectedRevision(expected, actual)) return true;
  return softDeleted && (expected === 'no_stream' || expected === NO_STREAM_REVISION);
}

export function isExpectedRevision(value: unknown): value is ExpectedRevision {
  return (
    value === 'any' ||
    value === 'no_stream' ||
    value === 'stream_exists' ||
    (typeof value === 'number' && Number.isSafeInteger(value) && value >= NO_STREAM_REVISION)
  );
}
