import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestApp } from '../support/test-app';

/** Every byte the app's store keeps: the SQLite file and its WAL, or every record in its EventStoreDB double. */
export function storeBytes(t: TestApp): Buffer {
  if (t.double) {
    return Buffer.concat(
      t.double.log.events.flatMap((e) => [Buffer.from(e.stream), e.data, e.customMetadata]),
    );
  }
  return Buffer.concat(
    ['events.sqlite', 'events.sqlite-wal']
      .map((file) => join(t.folder, file))
      .filter((file) => existsSync(file))
      .map((file) => readFileSync(file)),
  );
}
