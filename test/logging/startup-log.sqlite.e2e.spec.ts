import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testKey } from '../support/credentials';
import { ServiceProcess, serviceOnFreshStore } from '../support/service-process';

describe('start-up log lines [sqlite: embedded file store, real entry point]', () => {
  const folder = mkdtempSync(join(tmpdir(), 'aet-startup-log-'));
  let service: ServiceProcess;
  afterAll(async () => {
    await service?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('carry the time each was written, not the one time they were flushed at', async () => {
    service = await serviceOnFreshStore(folder, [testKey('log-admin', 'programme-admin').entry], {
      LOG_LEVEL: 'info',
    });
    await service.start();
    const lines = service.logs
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { time: number; msg: string });
    const upTo = lines.findIndex((line) => line.msg.startsWith('Listening on'));
    expect(upTo).toBeGreaterThan(10);
    const startup = lines.slice(0, upTo + 1);
    // Nest's first line comes before the register is seeded (218 commands), the last after it.
    expect(startup[0].msg).toBe('Starting Nest application...');
    expect(startup.at(-1)?.time).toBeGreaterThan(startup[0].time);
    expect(new Set(startup.map((line) => line.time)).size).toBeGreaterThan(2);
    expect(startup.every((line, i) => i === 0 || line.time >= startup[i - 1].time)).toBe(true);
  }, 120_000);
});
