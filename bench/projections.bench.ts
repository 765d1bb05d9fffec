/**
 * Projection benchmark (issue 4, `npm run bench:projections`): every read
 * model rebuilt from position 0 over a realistic store (about a million
 * events; --quick: 20,000), next to a raw scan and JSON parse of the same
 * rows in the same run; peak RSS of each in its own process; and the time
 * from start to ready when the snapshots are present.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { READ_MODELS } from '../src/projections/catalogue';
import { largeStore, warmPageCache } from './support/large-store';
import { rebuildFigures } from './support/rebuild-figures';
import { fmt, table, writeSection } from './support/results';

const quick = process.argv.includes('--quick');

export async function runProjectionsBench(): Promise<void> {
  const store = await largeStore(quick ? 20_000 : 1_000_000);
  warmPageCache(store);
  const stateDir = mkdtempSync(join(tmpdir(), 'aet-bench-projections-'));
  try {
    const { raw, rebuild, start } = await rebuildFigures(store, stateDir);
    const rows = [
      [
        `rebuild of all ${READ_MODELS.length} read models (${READ_MODELS.map((p) => p.name).join(', ')})`,
        fmt(rebuild.perSecond),
        fmt(raw.perSecond),
        fmt(rebuild.perSecond / raw.perSecond, 2),
        '≥ 0.40',
      ],
      ['peak RSS, MB (rebuild / raw scan)', fmt(rebuild.rssMb), fmt(raw.rssMb), '', '≤ 512'],
      ['start-up to /health/ready with snapshots present, s', fmt(start.seconds, 2), '', '', '≤ 3'],
    ];
    for (const row of rows) console.log(row.join('  '));
    writeSection(
      'projections',
      `## Read models — \`npm run bench:projections\`${quick ? ' (quick)' : ''}\n\n` +
        `${fmt(rebuild.events)} events of the simulated programme (built through the command handlers), folded from position 0 by the projection runner into every read model (${fmt(rebuild.seconds, 1)} s); the baseline reads the same rows in pages of 1,000 and parses their JSON (${fmt(raw.seconds, 1)} s). Each runs in its own process.\n\n` +
        table(['measure', 'read models', 'raw scan + parse', 'ratio', 'goal'], rows),
    );
  } finally {
    rmSync(stateDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void runProjectionsBench();
}
