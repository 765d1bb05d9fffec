import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The script CI runs is CommonJS so that it needs no build; its functions are tested as they are.
const summary = require('../../scripts/ci/test-summary.cjs') as {
  countJunit(xml: string): { passed: number; failed: number; skipped: number };
  summarise(paths: string[]): {
    total: { passed: number; failed: number; skipped: number };
    missing: string[];
  };
  line(counts: { passed: number; failed: number; skipped: number }): string;
};

const report = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="jest tests" tests="5" failures="1" errors="0" time="1.2">
  <testsuite name="a" tests="3">
    <testcase classname="a" name="passes" time="0.1">
    </testcase>
    <testcase classname="a" name="fails" time="0.2">
      <failure>Error: expected 1 to be 2
  at &lt;testcase&gt; in a message</failure>
    </testcase>
    <testcase classname="a" name="skipped" time="0"><skipped/></testcase>
  </testsuite>
  <testsuite name="b" tests="2">
    <testcase classname="b" name="self-closing passes" time="0.1"/>
    <testcase classname="b" name="errors" time="0.1"><error message="boom"/></testcase>
  </testsuite>
</testsuites>`;

describe('the CI test summary', () => {
  it('counts each test case by what it holds: a failure or error fails it, a skipped tag skips it', () => {
    expect(summary.countJunit(report)).toEqual({ passed: 2, failed: 2, skipped: 1 });
  });

  it('sums every report and names the ones that are missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ci-summary-'));
    try {
      writeFileSync(join(dir, 'one.xml'), report);
      writeFileSync(join(dir, 'two.xml'), '<testsuites><testcase name="x"/></testsuites>');
      const { total, missing } = summary.summarise([
        join(dir, 'one.xml'),
        join(dir, 'two.xml'),
        join(dir, 'absent.xml'),
      ]);
      expect(total).toEqual({ passed: 3, failed: 2, skipped: 1 });
      expect(missing).toEqual([join(dir, 'absent.xml')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints the plain line CI reads, with skipped only when there are any', () => {
    expect(summary.line({ passed: 1734, failed: 0, skipped: 0 })).toBe('1734 passed, 0 failed');
    expect(summary.line({ passed: 3, failed: 1, skipped: 2 })).toBe('3 passed, 1 failed, 2 skipped');
  });
});
