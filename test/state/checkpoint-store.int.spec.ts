import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheckpointStore } from '../../src/state/checkpoint-store';
import { openStateDatabase } from '../../src/state/state-database';

describe('CheckpointStore [sqlite: embedded state file]', () => {
  const folder = mkdtempSync(join(tmpdir(), 'aet-state-'));
  const path = join(folder, 'state.sqlite');
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('starts at 0, keeps positions across reopen, and commits with the caller’s transaction', () => {
    let db = openStateDatabase(path);
    let checkpoints = new CheckpointStore(db);
    expect(checkpoints.get('relay')).toBe(0);
    checkpoints.set('relay', 42);
    expect(() =>
      db.transaction(() => {
        checkpoints.set('relay', 50);
        throw new Error('projection failed');
      })(),
    ).toThrow('projection failed');
    expect(checkpoints.get('relay')).toBe(42);
    db.close();

    db = openStateDatabase(path);
    checkpoints = new CheckpointStore(db);
    expect(checkpoints.get('relay')).toBe(42);
    checkpoints.reset('relay');
    expect(checkpoints.get('relay')).toBe(0);
    db.close();
  });
});
