/**
 * - `starting`: connecting, checking topics, joining the group;
 * - `running`: consuming; a message that fails for a reason of its own is answered or dead-lettered, never retried;
 * - `retrying`: the store or the broker is unavailable (see lastError); the current message is retried, nothing skipped;
 * - `stopped`.
 */
export type CommandConsumerState = 'starting' | 'running' | 'retrying' | 'stopped';

export type ConsumedOutcome = 'accepted' | 'replayed' | 'rejected' | 'dlq';

export interface CommandConsumerStatus {
  state: CommandConsumerState;
  topic: string;
  groupId: string;
  /** Messages done (answered or dead-lettered) since this process started; redeliveries count again. */
  consumed: Record<ConsumedOutcome, number>;
  /** Failed attempts (store or broker unavailable) since this process started. */
  failures: number;
  lastError?: { message: string; at: string };
  lastConsumedAt?: string;
}
