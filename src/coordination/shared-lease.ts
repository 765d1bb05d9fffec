/** Who holds a lease, for status reports and for telling a dead holder on this host. */
export interface LeaseHolder {
  owner: string;
  host: string;
  pid: number;
}

/** The holder lost the lease: another process took it over. Nothing more may be published. */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
}

/**
 * A lease kept in the store every instance of the service shares, with the
 * position its holder has finished with: exactly one process at a time holds
 * it, and the next holder resumes from the last committed position. It
 * expires when not renewed for its TTL, and at once when its holder on the
 * same host has died. One port, with an adapter per event store
 * (test/coordination/shared-lease.conformance.ts).
 */
export interface SharedLease {
  readonly owner: string;
  /** Takes the lease if it is free, expired, abandoned or already ours; true when we hold it. */
  tryAcquire(): Promise<boolean>;
  /** Extends the lease; false when another process has taken it over. */
  renew(): Promise<boolean>;
  /** Gives it up, if still ours, keeping the committed position for the next holder. */
  release(): Promise<void>;
  holder(): Promise<LeaseHolder | undefined>;
  /** The last position committed by any holder; 0 when none ever was. */
  checkpoint(): Promise<number>;
  /** Records a position (never moving it back) and renews; LeaseLostError when no longer ours. */
  commit(position: number): Promise<void>;
}

export interface SharedLeaseOptions {
  name: string;
  ttlMs: number;
  /** Wall clock in ms; tests pin it. */
  now?: () => number;
}

export const SHARED_LEASES = Symbol('SharedLeases');
/** Opens the lease of a name on the deployment's shared store. */
export type SharedLeases = (options: SharedLeaseOptions) => SharedLease;

export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Expired, or held by a process on this host that is gone. */
export function isStale(
  holder: LeaseHolder & { renewedAt: number },
  ttlMs: number,
  now: number,
  here: { host: string; pid: number },
): boolean {
  if (now - holder.renewedAt > ttlMs) return true;
  return holder.host === here.host && holder.pid !== here.pid && !processIsAlive(holder.pid);
}
