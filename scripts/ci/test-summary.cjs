#!/usr/bin/env node
/**
 * Prints the plain `N passed, N failed[, N skipped]` line CI reads, summed
 * from the JUnit reports the test runners wrote themselves (jest-junit for
 * jest's projects and for the browser tests). Never hard-coded: a runner that
 * did not write its report is named before the line, and the exit code is non-zero
 * when any report is missing or any test failed.
 *
 *   node scripts/ci/test-summary.cjs test-artifacts/junit.xml test-artifacts/junit-browser.xml
 */
const { existsSync, readFileSync } = require('node:fs');

/** Counts the test cases of one JUnit document by what each case holds. */
function countJunit(xml) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  // A test case is either self-closing or runs to its closing tag; what it holds says how it ended.
  const cases = xml.matchAll(/<testcase\b[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g);
  for (const [, , body = ''] of cases) {
    if (/<(failure|error)\b/.test(body)) counts.failed += 1;
    else if (/<skipped\b/.test(body)) counts.skipped += 1;
    else counts.passed += 1;
  }
  return counts;
}

function summarise(paths) {
  const total = { passed: 0, failed: 0, skipped: 0 };
  const missing = [];
  for (const path of paths) {
    if (!existsSync(path)) {
      missing.push(path);
      continue;
    }
    const counts = countJunit(readFileSync(path, 'utf8'));
    for (const key of Object.keys(total)) total[key] += counts[key];
  }
  return { total, missing };
}

function line({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed` + (skipped > 0 ? `, ${skipped} skipped` : '');
}

module.exports = { countJunit, summarise, line };

if (require.main === module) {
  const { total, missing } = summarise(process.argv.slice(2));
  // On stdout, before the line: the line CI reads must be the last one printed.
  for (const path of missing)
    process.stdout.write(`test summary: no report at ${path} (that runner did not finish)\n`);
  process.stdout.write(`${line(total)}\n`);
  process.exitCode = missing.length > 0 || total.failed > 0 ? 1 : 0;
}
