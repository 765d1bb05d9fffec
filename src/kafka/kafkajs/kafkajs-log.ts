import type { LoggerService } from '@nestjs/common';
import { logCreator, logLevel } from 'kafkajs';

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
 * failure, so those become warnings here.
 */
export function kafkajsLogCreator(logger: KafkaLogger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      const { message, ...extra } = log;
      if (EXPECTED.some((text) => message.startsWith(text))) return;
      const details = Object.keys(extra).length > 0 ? ` ${JSON.stringify(extra)}` : '';
      const line = `kafkajs ${namespace}: ${message}${details}`;
      if (level === logLevel.ERROR || level === logLevel.WARN) logger.warn(line);
      else logger.debug?.(line);
    };
}
