import type { BrokerReachability } from '../broker-watch';

/**
 * - `starting`: connecting, checking topics;
 * - `joining`: connected, joining the consumer group; after an outage the broker first waits (up to
 *   KAFKA_COMMANDS_SESSION_TIMEOUT_MS) for the member this consumer was before, which cannot leave while it is down;
 * - `running`: consuming; a message that fails for a reason of its own is answered or dead-lettered, never retried;
 * - `retrying`: the store or the broker is unavailable (see lastError); the current message is retried, nothing
 *   skipped; back to `running` as soon as the broker answers the consumer again (group join, heartbeat, fetch);
 * - `stopped`.
 */
export type CommandConsumerState = 'starting' | 'joining' | 'running' | 'retrying' | 'stopped';

export type ConsumedOutcome = 'accepted' | 'replayed' | 'rejected' | 'dlq';

export interface CommandConsumerStatus {
  state: CommandConsumerState;
  /** What the last probe of the cluster found (every 2 s). */
  broker: BrokerReachability;
  topic: string;
  groupId: string;
  /** Messages done (answered or dead-lettered) since this process started; redeliveries count again. */
  consumed: Record<ConsumedOutcome, number>;
  /** Failed attempts (store or broker unavailable) since this process started. */
  failures: number;
  lastError?: { message: string; at: string };
  lastConsumedAt?: string;
}
