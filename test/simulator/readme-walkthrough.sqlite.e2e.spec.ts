import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTrustRegister } from '../../src/trust-register/trust-register';
import { buildPlan } from '../../scripts/simulator/plan/build-plan';
import { REGISTER_CSV } from '../../scripts/simulator/run/run-simulation';
import { getJson } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');
const credentialOf = (t: TestApp): string | undefined =>
  'adminKey' in t && typeof t.adminKey === 'string' ? t.adminKey : undefined;
// The walkthrough moved from the README to its own page; the names below still call it the README's.
const README = readFileSync(join(ROOT, 'docs', 'evaluators', 'walkthrough.md'), 'utf8');

/** The walkthrough page's fenced bash blocks between the walkthrough markers, as written. */
function walkthroughBlocks(): string[] {
  const begin = README.indexOf('<!-- walkthrough:begin -->');
  const end = README.indexOf('<!-- walkthrough:end -->');
  expect(begin).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(begin);
  return [...README.slice(begin, end).matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1]);
}

/** Runs the walkthrough's lines in bash against the test service: only the base URL is swapped. */
function bash(script: string, t: TestApp): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'bash',
      ['-c', `set -euo pipefail\n${script.replaceAll('http://127.0.0.1:3000', t.url)}`],
      {
        cwd: ROOT,
        // The walkthrough's lines read the development key the service prints as AET_API_KEY.
        env: {
          ...process.env,
          SIMULATOR_URL: t.url,
          AET_API_KEY: credentialOf(t) ?? '',
        },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface Summary {
  enrolled: number;
  enrolledWithSeniorSupport: number;
  targetMet: boolean;
  target: { threshold: number; deadline: string; source: string };
  nhsTrusts: { openOnDate: number; enrolledWithSeniorSupport: number; sharePercent: number };
}

/**
 * The walkthrough (docs/evaluators/walkthrough.md), run as written on a fresh service: the scale-1
 * simulation (seed 42) it starts with is also where the programme's headline
 * figures are checked against the sources.
 */
describe('the README walkthrough on the simulated programme, seed 42, scale 1 [sqlite: embedded file store, real HTTP]', () => {
  let t: TestApp;
  let simulated: { code: number | null; stdout: string; stderr: string };
  let rest: { code: number | null; stdout: string; stderr: string };
  let knownBeforeLateReport: string;
  const summary = async (query: string) =>
    (await getJson<Summary>(t.url, `/v1/spread/summary?${query}`)).body;

  beforeAll(async () => {
    t = await startTestApp({ SEED_REGISTER_ON_EMPTY_STORE: 'true' });
    const [simulate, ...others] = walkthroughBlocks();
    simulated = await bash(simulate, t);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    knownBeforeLateReport = new Date().toISOString();
    rest = await bash(others.join('\n'), t);
  }, 1_800_000);
  afterAll(async () => t?.close());

  it('runs every command of the walkthrough successfully, the simulator with no refusal', () => {
    expect({ code: simulated.code, stderr: simulated.code === 0 ? '' : simulated.stderr }).toEqual({
      code: 0,
      stderr: '',
    });
    expect(simulated.stdout).toMatch(/commands sent (\d+): accepted \1, replayed 0, refused 0/);
    expect({ code: rest.code, stderr: rest.code === 0 ? '' : rest.stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('reports at least 100 enrolled with senior support on 31 March 2018, over 40% of NHS trusts, as the README says', async () => {
    const known = await summary(`asOf=2018-03-31&asKnownAt=${knownBeforeLateReport}`);
    expect(known.enrolledWithSeniorSupport).toBeGreaterThanOrEqual(100);
    expect(known.nhsTrusts.sharePercent).toBeGreaterThan(40);
    expect(known.targetMet).toBe(true);
    expect(known.target).toMatchObject({
      threshold: 100,
      deadline: '2018-03-31',
      source: 'NHS Mandate 2017-18',
    });
    expect(README).toContain(
      `${known.enrolledWithSeniorSupport} organisations enrolled with senior support (a Board-level sponsor in post), ` +
        `${known.nhsTrusts.sharePercent}% of the ${known.nhsTrusts.openOnDate} NHS trusts`,
    );
  });

  it('counts the late-reported practice as known now, not as known before it was reported', async () => {
    const before = await summary(`asOf=2018-03-31&asKnownAt=${knownBeforeLateReport}`);
    const now = await summary('asOf=2018-03-31');
    expect(now.enrolledWithSeniorSupport).toBe(before.enrolledWithSeniorSupport + 1);
    expect(now.nhsTrusts.sharePercent).toBe(before.nhsTrusts.sharePercent);
    expect(README).toContain(
      `The first summary still says ${before.enrolledWithSeniorSupport}, the second ${now.enrolledWithSeniorSupport}`,
    );
  });

  it('has about 135 organisations enrolled by late 2019, GP practices among them', async () => {
    const late2019 = await summary('asOf=2019-10-31');
    expect(late2019.enrolled).toBeGreaterThanOrEqual(130);
    expect(late2019.enrolled).toBeLessThanOrEqual(140);
    const byType = await getJson<{ items: Array<{ key: string; enrolled: number }> }>(
      t.url,
      '/v1/spread/breakdown?by=organisationType&asOf=2019-10-31',
    );
    expect(byType.body.items.find((i) => i.key === 'GPPractice')?.enrolled).toBeGreaterThanOrEqual(10);
  });

  it('holds the case studies with their published statements, at their real trusts', async () => {
    const register = loadTrustRegister(REGISTER_CSV);
    const plan = buildPlan({ seed: '42', scale: 1, register });
    for (const ref of plan.caseStudies) {
      const stream = await getJson<{
        state: { subject: { odsCode: string }; statement: { visionStatement: string } };
      }>(t.url, `/v1/streams/always-event-${ref.alwaysEventId}`);
      expect(stream.status).toBe(200);
      expect(stream.body.state.subject.odsCode).toBe(ref.odsCode);
      expect(stream.body.state.statement.visionStatement).toBe(ref.vision);
    }
    const humber = plan.caseStudies.find((c) => c.caseId === 'humber-townend-court');
    expect(README).toContain(`always-event-${humber?.alwaysEventId}`);
  }, 300_000);

  it("charts Humber's weekly outcome measure the README names, with SPC signals", async () => {
    const measureId = /measures\/([0-9a-f-]{36})\/chart\?profile=mdc/.exec(README)?.[1];
    expect(measureId).toBeDefined();
    const chart = await getJson<{ chart: { chart: string; points: Array<{ variation: string }> } }>(
      t.url,
      `/v1/measures/${measureId}/chart?profile=mdc`,
    );
    expect(chart.status).toBe(200);
    expect(chart.body.chart.chart).toBe('xmr');
    expect(chart.body.chart.points.length).toBeGreaterThan(12);
    expect(chart.body.chart.points.some((p) => p.variation === 'improvement')).toBe(true);
  });
});
