import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { RESPONSE_SCHEMAS } from '../../src/openapi/response-schemas.generated';

describe('the response schemas of /openapi.json', () => {
  it('are generated from src/openapi/responses/response-types.ts as they stand (npm run schemas:api)', () => {
    // A process of its own: prettier, which formats the file, cannot load inside jest's module system.
    const check = spawnSync(process.execPath, ['schemas/api/generate.cjs', '--check'], {
      cwd: join(__dirname, '../..'),
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(Object.keys(RESPONSE_SCHEMAS).length).toBeGreaterThan(15);
  }, 120_000);
});
