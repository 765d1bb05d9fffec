import { parse } from 'csv-parse/sync';
import { commandClient } from '../../commands/command-client';
import { getJson } from '../../support/http';
import { startTestApp, TestApp } from '../../support/test-app';
import { EvaluationScenario, walkEvaluationScenario } from './evaluation-scenario';
import { authHeaders } from '../../support/credentials';

/** Every figure the e2e specs assert is worked out by hand from the table in evaluation-scenario.ts. */
export const AS_OF = 'asOf=2018-06-30';

/**
 * The whole service on a fresh store, started and walked through the scenario
 * before a spec file's tests and closed after them; each accessor is for use
 * inside tests.
 */
export function evaluationApp() {
  let app: TestApp | undefined;
  let scenario: EvaluationScenario | undefined;
  beforeAll(async () => {
    app = await startTestApp();
    scenario = await walkEvaluationScenario(commandClient(app.url));
  }, 120_000);
  afterAll(async () => app?.close());
  const url = () => (app as TestApp).url;
  return {
    scenario: () => scenario as EvaluationScenario,
    url,
    get: <T>(path: string) => getJson<T>(url(), path),
    csv: (path: string) => getCsv(`${url()}${path}`),
  };
}

/** A CSV answer: its header and its rows as records (every value text, null as empty). */
export async function getCsv(
  url: string,
): Promise<{ header: string[]; records: Array<Record<string, string>> }> {
  const response = await fetch(url, { headers: { ...authHeaders(url), accept: 'text/csv' } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
  const text = await response.text();
  return { header: text.split('\n')[0].split(','), records: parse(text, { columns: true }) };
}
