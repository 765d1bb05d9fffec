import type { LoggerService } from '@nestjs/common';
import { logCreator, logLevel } from 'kafkajs';
import { clearsByItself } from '../failure-log-level';
import { RepeatedLines } from './repeated-lines';

export type KafkaLogger = Pick<LoggerService, 'log' | 'warn' | 'error'> &
  Partial<Pick<LoggerService, 'debug'>>;

/**
 * The relay limits the idempotent producer's retries on purpose (it then
 * starts a fresh producer and resends from its checkpoint), so kafkajs's
 * warning about it is noise on every reconnect.
 */
const EXPECTED = ['Limiting retries for the idempotent producer'];

/**
 * Routes kafkajs logs into the service's logger. kafkajs logs every failed
 * request at ERROR while it is still retrying; the caller reports the final
 * failure, so those become warnings here, and each kind of warning is said
 * once per 30 s with a count of its repeats (RepeatedLines).
 */
export function kafkajsLogCreator(logger: KafkaLogger, windowMs = 30_000): logCreator {
  const warnings = new RepeatedLines((line) => logger.warn(line), windowMs);
  return () =>
    ({ namespace, level, log }) => {
      // The log line has its own time; kafkajs's timestamp and logger name would only repeat it.
      const {
        message,
        timestamp: _timestamp,
        logger: _logger,
        ...extra
      } = log as typeof log & { logger?: string };
      if (EXPECTED.some((text) => message.startsWith(text))) return;
      const details = Object.keys(extra).length > 0 ? ` ${JSON.stringify(extra)}` : '';
      const line = `kafkajs ${namespace}: ${message}${details}`;
      // kafkajs retries these itself (after a metadata refresh); the caller reports the outcome.
      const retried = clearsByItself(`${message} ${String(extra.error ?? '')}`);
      if ((level === logLevel.ERROR || level === logLevel.WARN) && !retried) {
        warnings.write(`${namespace}: ${message} ${String(extra.error ?? '')}`, line);
      } else {
        logger.debug?.(line);
      }
    };
}
