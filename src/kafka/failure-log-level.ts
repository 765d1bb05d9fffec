/**
 * Consecutive failures reported as warnings before they become errors. A
 * broker moving a partition's leadership, or a topic just created, fails a
 * call or two and clears by itself while we retry; what persists past that
 * needs someone to look.
 */
const WARNINGS_BEFORE_ERROR = 3;

export const failureLogLevel = (consecutiveFailures: number): 'warn' | 'error' =>
  consecutiveFailures <= WARNINGS_BEFORE_ERROR ? 'warn' : 'error';

/**
 * Kafka errors that clear by themselves once the client refreshes its
 * metadata: a topic just created (a fresh broker's first publish meets "This
 * server does not host this topic-partition"), a partition whose leader
 * moved, a coordinator loading. kafkajs retries them; a first failure of the
 * kind is not news.
 */
const CLEARS_BY_ITSELF =
  /does not host this topic-partition|no leader for this topic-partition|leader not available|not the leader|coordinator is (loading|not available)|not coordinator|rebalance in progress/i;

export const clearsByItself = (message: string): boolean => CLEARS_BY_ITSELF.test(message);

type FailureLogger = Record<'warn' | 'error', (line: string) => void> & { debug?: (line: string) => void };

/**
 * Logs a failed attempt: a failure that clears by itself at debug while it is
 * within the warnings allowed in a row (past them it is an error, as any
 * failure that persists); any other as failureLogLevel says.
 */
export function logFailure(
  logger: FailureLogger,
  consecutiveFailures: number,
  message: string,
  line: string,
): void {
  if (consecutiveFailures <= WARNINGS_BEFORE_ERROR && clearsByItself(message)) logger.debug?.(line);
  else logger[failureLogLevel(consecutiveFailures)](line);
}
