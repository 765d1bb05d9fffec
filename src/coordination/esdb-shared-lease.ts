import {
  BACKWARDS,
  END,
  jsonEvent,
  NO_STREAM,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import type { EventStoreDBClient, JSONType } from '@eventstore/db-client';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { isStale, LeaseHolder, LeaseLostError, SharedLease, SharedLeaseOptions } from './shared-lease';

/** `$`-typed, so every read of $all through the port skips it like the server's own events. */
const LEASE_EVENT_TYPE = '$LeaseHeld';
/** Old renewals serve no purpose: the server may scavenge all but the last few. */
const KEEP_EVENTS = 16;

interface LeaseState extends LeaseHolder {
  renewedAt: number;
  checkpoint: number;
}

/**
 * The lease as a stream of its own on EventStoreDB: each take-over, renewal
 * and commit is an append with the revision last read as its expected
 * revision, so of two processes acting on the same state exactly one wins,
 * and a holder that lost the lease learns it at its next write.
 */
export class EsdbSharedLease implements SharedLease {
  readonly owner = randomUUID();
  private readonly host = hostname();
  private readonly now: () => number;
  private readonly stream: string;
  /** The revision of our last write while we hold the lease. */
  private heldAt: bigint | undefined;
  private lastCheckpoint = 0;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: SharedLeaseOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.stream = `lease-${options.name}`;
  }

  async tryAcquire(): Promise<boolean> {
    if (this.heldAt !== undefined && (await this.renew())) return true;
    const current = await this.read();
    if (
      current &&
      current.state.owner !== this.owner &&
      current.state.owner !== '' &&
      !this.stale(current.state)
    )
      return false;
    return this.write(current?.state.checkpoint ?? 0, current ? current.revision : 'none');
  }

  async renew(): Promise<boolean> {
    return this.heldAt !== undefined && this.write(this.lastCheckpoint, this.heldAt);
  }

  async release(): Promise<void> {
    if (this.heldAt === undefined) return;
    await this.append(
      { ...this.state(this.lastCheckpoint), owner: '', pid: 0, renewedAt: 0 },
      this.heldAt,
    ).catch(() => undefined);
    this.heldAt = undefined;
  }

  async holder(): Promise<LeaseHolder | undefined> {
    const current = await this.read();
    if (!current || current.state.owner === '' || this.stale(current.state)) return undefined;
    const { owner, host, pid } = current.state;
    return { owner, host, pid };
  }

  async checkpoint(): Promise<number> {
    return (await this.read())?.state.checkpoint ?? 0;
  }

  async commit(position: number): Promise<void> {
    const checkpoint = Math.max(position, this.lastCheckpoint);
    if (this.heldAt === undefined || !(await this.write(checkpoint, this.heldAt))) {
      throw new LeaseLostError(`Another process took over the lease ${this.options.name}`);
    }
  }

  private state(checkpoint: number): LeaseState {
    return { owner: this.owner, host: this.host, pid: process.pid, renewedAt: this.now(), checkpoint };
  }

  /** Appends our state after `after`; false when another process wrote first. */
  private async write(checkpoint: number, after: bigint | 'none'): Promise<boolean> {
    try {
      this.heldAt = await this.append(this.state(checkpoint), after);
      this.lastCheckpoint = checkpoint;
      if (after === 'none') await this.limitLength();
      return true;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      this.heldAt = undefined;
      return false;
    }
  }

  private async append(state: LeaseState, after: bigint | 'none'): Promise<bigint> {
    const result = await this.client.appendToStream(
      this.stream,
      jsonEvent({ type: LEASE_EVENT_TYPE, data: state as unknown as JSONType }),
      { expectedRevision: after === 'none' ? NO_STREAM : after },
    );
    return result.nextExpectedRevision;
  }

  private async limitLength(): Promise<void> {
    await this.client.setStreamMetadata(this.stream, { maxCount: KEEP_EVENTS }).catch(() => undefined);
  }

  private async read(): Promise<{ state: LeaseState; revision: bigint } | undefined> {
    let last: { state: LeaseState; revision: bigint } | undefined;
    try {
      // Read to the end of the call (one event): leaving a read early would leave the call open.
      for await (const resolved of this.client.readStream(this.stream, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
      })) {
        if (resolved.event)
          last ??= { state: resolved.event.data as unknown as LeaseState, revision: resolved.event.revision };
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
    return last;
  }

  private stale(state: LeaseState): boolean {
    return isStale(state, this.options.ttlMs, this.now(), { host: this.host, pid: process.pid });
  }
}
