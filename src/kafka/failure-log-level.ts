/**
 * Consecutive failures reported as warnings before they become errors. A
 * broker moving a partition's leadership, or a topic just created, fails a
 * call or two and clears by itself while we retry; what persists past that
 * needs someone to look.
 */
const WARNINGS_BEFORE_ERROR = 3;

export const failureLogLevel = (consecutiveFailures: number): 'warn' | 'error' =>
  consecutiveFailures <= WARNINGS_BEFORE_ERROR ? 'warn' : 'error';
