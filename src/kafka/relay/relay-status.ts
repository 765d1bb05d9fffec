import type { BrokerReachability } from '../broker-watch';

/**
 * - `starting`: connecting to the broker, checking topics;
 * - `catching-up`: publishing the backlog;
 * - `live`: published everything stored, publishing new events as they come;
 * - `standby`: another relay holds the lease;
 * - `retrying`: the broker cannot be reached, or the last attempt failed (see lastError); it reconnects
 *   and resumes from the checkpoint;
 * - `stopped`.
 */
export type RelayState = 'starting' | 'catching-up' | 'live' | 'standby' | 'retrying' | 'stopped';

export interface RelayStatus {
  state: RelayState;
  /** What the last probe of the cluster found (every 2 s): an idle relay learns of an outage from it. */
  broker: BrokerReachability;
  /** Last position acknowledged by the broker (or skipped): the relay resumes after it. */
  checkpoint: number;
  /** Events published (acknowledged) since this process started; redeliveries count again. */
  published: number;
  /** Events of streams that are not an aggregate type, passed over. */
  skipped: number;
  /** Failed attempts since this process started. */
  failures: number;
  lastError?: { message: string; at: string };
  lastPublishedAt?: string;
}
