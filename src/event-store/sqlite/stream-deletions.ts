import type Database from 'better-sqlite3';
import { StreamDeletedError, WrongExpectedRevisionError } from '../errors';
import { acceptsWrite, ExpectedRevision, NO_STREAM_REVISION } from '../expected-revision';

type DeletionState = 'deleted' | 'recreated' | 'tombstoned';

interface Deletion {
  state: DeletionState;
  hidden_through: number;
}

/**
 * The embedded store's deleted streams (port.ts), kept in `deleted_streams`
 * beside the events, which are never touched: a soft delete hides a stream's
 * revisions so far from stream reads, a tombstone refuses the stream for good.
 * The rules are EventStoreDB's, so both adapters pass one conformance suite.
 * Every method runs inside the caller's transaction.
 */
export class StreamDeletions {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      get: db.prepare<[string], Deletion>(
        'SELECT state, hidden_through FROM deleted_streams WHERE stream_id = ?',
      ),
      put: db.prepare<[string, DeletionState, number, string]>(
        `INSERT INTO deleted_streams (stream_id, state, hidden_through, deleted_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (stream_id) DO UPDATE SET state = excluded.state,
           hidden_through = excluded.hidden_through, deleted_at = excluded.deleted_at`,
      ),
      recreated: db.prepare<[string]>(
        "UPDATE deleted_streams SET state = 'recreated' WHERE stream_id = ? AND state = 'deleted'",
      ),
    };
  }

  /**
   * Revisions a stream read skips (-1: none); a tombstoned stream fails the
   * read. `softDeleted`: nothing of the stream is visible.
   */
  forRead(stream: string): { hiddenThrough: number; softDeleted: boolean } {
    const deletion = this.statements.get.get(stream);
    if (!deletion) return { hiddenThrough: NO_STREAM_REVISION, softDeleted: false };
    if (deletion.state === 'tombstoned') throw new StreamDeletedError(stream, true);
    return { hiddenThrough: deletion.hidden_through, softDeleted: deletion.state === 'deleted' };
  }

  /**
   * Before an append: fails it if the stream is tombstoned, or soft-deleted
   * and the append insists it exists. Returns whether it is soft-deleted.
   */
  beforeAppend(stream: string, expected: ExpectedRevision): boolean {
    const state = this.statements.get.get(stream)?.state;
    if (state === 'tombstoned') throw new StreamDeletedError(stream, true);
    if (state === 'deleted' && expected === 'stream_exists') throw new StreamDeletedError(stream, false);
    return state === 'deleted';
  }

  /** After an append to a soft-deleted stream: it exists again, from the revision after the hidden ones. */
  recreated(stream: string): void {
    this.statements.recreated.run(stream);
  }

  /** Soft delete or tombstone `stream`, whose last revision (hidden or not) is `actual`. */
  delete(
    stream: string,
    expected: ExpectedRevision,
    actual: number,
    tombstone: boolean,
    deletedAt: string,
  ): void {
    const state = this.statements.get.get(stream)?.state;
    if (state === 'tombstoned') throw new StreamDeletedError(stream, true);
    if (!acceptsWrite(expected, actual, state === 'deleted')) {
      throw new WrongExpectedRevisionError(stream, expected, actual);
    }
    // EventStoreDB soft-deletes by truncating the stream's events: with none, there is nothing to delete.
    if (!tombstone && actual === NO_STREAM_REVISION) {
      throw new WrongExpectedRevisionError(stream, expected, actual);
    }
    this.statements.put.run(stream, tombstone ? 'tombstoned' : 'deleted', actual, deletedAt);
  }
}
