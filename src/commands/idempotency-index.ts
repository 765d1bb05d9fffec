import { BeforeApplicationShutdown, HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { ProblemException } from '../http/problem';
import { STATE_DATABASE } from '../state/state.module';

export const keyReusedProblem = (key: string, detail: string): ProblemException =>
  new ProblemException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'idempotency-key-reused',
    'Idempotency key reused',
    detail,
    {
      errors: [
        { field: 'Idempotency-Key', rule: 'idempotency-key-reused', message: `Key ${key}: ${detail}` },
      ],
    },
  );

interface KeyUse {
  command: string;
  stream_id: string;
  request_hash: string;
}

/**
 * Remembers which request each idempotency key was first used for, so the
 * same key sent with another command, stream or body is refused even when the
 * events would land elsewhere. The events themselves (their ids derive from
 * the key) remain the source of truth for "was this already done".
 *
 * Keys recorded in one turn of the event loop are written in one transaction
 * at its end (one commit per command was a tenth of a command's cost); until
 * then `check` finds them in memory. A crash before that write loses only
 * this secondary record, as a crash between the append and the record could.
 */
@Injectable()
export class IdempotencyIndex implements BeforeApplicationShutdown {
  private readonly select;
  private readonly insert;
  private readonly insertAll;
  private readonly logger = new Logger(IdempotencyIndex.name);
  private pending = new Map<string, KeyUse & { recordedAt: string }>();
  private flushScheduled = false;

  constructor(@Inject(STATE_DATABASE) private readonly db: Database.Database) {
    this.select = db.prepare<[string], { command: string; stream_id: string; request_hash: string }>(
      'SELECT command, stream_id, request_hash FROM idempotency_keys WHERE idempotency_key = ?',
    );
    this.insert = db.prepare<[string, string, string, string, string]>(
      `INSERT INTO idempotency_keys (idempotency_key, command, stream_id, request_hash, recorded_at)
       VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    this.insertAll = db.transaction((uses: Array<[string, KeyUse & { recordedAt: string }]>) => {
      for (const [key, use] of uses) {
        this.insert.run(key, use.command, use.stream_id, use.request_hash, use.recordedAt);
      }
    });
  }

  /** Throws a 422 problem when the key was first used for a different request. */
  check(key: string, command: string, streamId: string, requestHash: string): void {
    const first = this.pending.get(key) ?? this.select.get(key);
    if (!first) return;
    if (first.command !== command || first.stream_id !== streamId || first.request_hash !== requestHash) {
      throw keyReusedProblem(key, `it was first used for a different ${first.command} request`);
    }
  }

  record(key: string, command: string, streamId: string, requestHash: string): void {
    if (this.pending.has(key)) return;
    const use = {
      command,
      stream_id: streamId,
      request_hash: requestHash,
      recordedAt: new Date().toISOString(),
    };
    this.pending.set(key, use);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        this.flush();
      });
    }
  }

  /**
   * Writes the keys recorded so far. A failed write (a full disk) keeps them
   * in memory, still checked, and is tried again at the next turn that
   * records a key: it never takes the process down from a timer.
   */
  flush(): void {
    // Closed under us (a test's app torn down mid-turn): nothing left to write to.
    if (this.pending.size === 0 || !this.db.open) return;
    try {
      this.insertAll([...this.pending]);
      this.pending = new Map();
    } catch (error) {
      this.logger.error(
        `Could not record ${this.pending.size} idempotency keys (kept in memory, retried): ${String(error)}`,
      );
    }
  }

  beforeApplicationShutdown(): void {
    this.flush();
  }
}
