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
  /**
   * Whether the file has any deleted stream, as last asked: most never do,
   * and then a stream's read or append needs no look-up here. Forgotten
   * whenever another connection has committed (`forget`).
   */
  private any: boolean | undefined;

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
      any: db.prepare<[], number>('SELECT EXISTS (SELECT 1 FROM deleted_streams)').pluck(),
    };
  }

  /** Another connection may have deleted a stream: ask again. */
  forget(): void {
    this.any = undefined;
  }

  private lookUp(stream: string): Deletion | undefined {
    this.any ??= this.statements.any.get() === 1;
    return this.any ? this.statements.get.get(stream) : undefined;
  }

  /**
   * Revisions a stream read skips (-1: none); a tombstoned stream fails the
   * read. `softDeleted`: nothing of the stream is visible.
   */
  forRead(stream: string): { hiddenThrough: number; softDeleted: boolean } {
    const deletion = this.lookUp(stream);
    if (!deletion) return { hiddenThrough: NO_STREAM_REVISION, softDeleted: false };
    if (deletion.state === 'tombstoned') throw new StreamDeletedError(stream, true);
    return { hiddenThrough: deletion.hidden_through, softDeleted: deletion.state === 'deleted' };
  }

  /**
   * Before an append: fails it if the stream is tombstoned, or soft-deleted
   * and the append insists it exists. Returns whether it is soft-deleted.
   */
  beforeAppend(stream: string, expected: ExpectedRevision): boolean {
    const state = this.lookUp(stream)?.state;
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
    this.any = true;
  }
}
