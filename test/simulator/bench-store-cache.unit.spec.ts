import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDiskSpace, NotEnoughDiskError } from '../../bench/support/disk-space';
import { largeStorePath, STORE_VERSION, staleStores } from '../../bench/support/large-store';

describe('the bench store cache [files only]', () => {
  const folder = mkdtempSync(join(tmpdir(), 'aet-bench-cache-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('names the current version in the file and finds stores of the size from other versions', () => {
    expect(largeStorePath(1_000_000)).toMatch(new RegExp(`store-1000000-v${STORE_VERSION}\\.sqlite$`));
    for (const name of [
      `store-1000000-v${STORE_VERSION - 1}.sqlite`,
      `store-1000000-v${STORE_VERSION}.sqlite`,
      `store-3000000-v${STORE_VERSION - 1}.sqlite`,
      `store-1000000-v${STORE_VERSION}.sqlite.partial`,
    ])
      writeFileSync(join(folder, name), '');
    expect(staleStores(1_000_000, folder)).toEqual([`store-1000000-v${STORE_VERSION - 1}.sqlite`]);
  });

  it('refuses a store that would not fit with one line naming the size, the estimate and the free space', () => {
    // 1,000 bytes per event, from the largest store in the folder by its name's count of events (a sparse file).
    const sample = join(folder, `store-100000-v${STORE_VERSION}.sqlite`);
    writeFileSync(sample, '');
    truncateSync(sample, 100_000 * 1_000);
    const refusal = (): void => checkDiskSpace(10_000_000, folder, 5e9);
    expect(refusal).toThrow(NotEnoughDiskError);
    expect(refusal).toThrow(
      /^not enough disk for a store of 10000000 events: about 12\.5 GB needed .* 5\.0 GB free/,
    );
    expect(() => checkDiskSpace(10_000_000, folder, 13e9)).not.toThrow();
  });
});
