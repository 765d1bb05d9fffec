import { HttpStatus, Inject, Injectable } from '@nestjs/common';
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

/**
 * Remembers which request each idempotency key was first used for, so the
 * same key sent with another command, stream or body is refused even when the
 * events would land elsewhere. The events themselves (their ids derive from
 * the key) remain the source of truth for "was this already done".
 */
@Injectable()
export class IdempotencyIndex {
  private readonly select;
  private readonly insert;

  constructor(@Inject(STATE_DATABASE) db: Database.Database) {
    this.select = db.prepare<[string], { command: string; stream_id: string; request_hash: string }>(
      'SELECT command, stream_id, request_hash FROM idempotency_keys WHERE idempotency_key = ?',
    );
    this.insert = db.prepare<[string, string, string, string, string]>(
      `INSERT INTO idempotency_keys (idempotency_key, command, stream_id, request_hash, recorded_at)
       VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
  }

  /** Throws a 422 problem when the key was first used for a different request. */
  check(key: string, command: string, streamId: string, requestHash: string): void {
    const first = this.select.get(key);
    if (!first) return;
    if (first.command !== command || first.stream_id !== streamId || first.request_hash !== requestHash) {
      throw keyReusedProblem(key, `it was first used for a different ${first.command} request`);
    }
  }

  record(key: string, command: string, streamId: string, requestHash: string): void {
    this.insert.run(key, command, streamId, requestHash, new Date().toISOString());
  }
}
