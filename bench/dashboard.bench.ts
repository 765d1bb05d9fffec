/**
 * Dashboard first load: the programme page opened in Debian's Chromium
 * against the service filled by the simulator (seed 42, scale 1: the whole
 * simulated programme, over HTTP; --quick takes a tenth of it), measured in
 * the browser with navigation timing, cold (empty cache) and warm (assets
 * cached). The baseline, measured in the same run: the same six API queries
 * the page makes, sent in parallel from Node, so the browser's share is visible.
 */
import { runSimulation } from '../scripts/simulator/run/run-simulation';
import { launchChromium } from '../test/dashboard/browser/support/chromium';
import { startTestApp } from '../test/support/test-app';
import { fmt, table, writeSection } from './support/results';

const quick = process.argv.includes('--quick');
const RUNS = quick ? 2 : 5;
const SCALE = quick ? 0.1 : 1;
const QUERIES = [
  '/v1/spread/summary',
  '/v1/spread/timeline',
  ...['region', 'organisationType', 'cohort', 'setting'].map((by) => `/v1/spread/breakdown?by=${by}`),
];

interface Load {
  responseEnd: number;
  domContentLoaded: number;
  load: number;
  figuresDrawn: number;
  transferKb: number;
  requests: number;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function runDashboardBench(): Promise<void> {
  const t = await startTestApp({ SEED_REGISTER_ON_EMPTY_STORE: 'true' });
  const simulation = await runSimulation({ url: t.url, seed: '42', scale: SCALE, apiKey: t.adminKey });
  // Measure once the read models have folded everything the simulation wrote.
  for (;;) {
    const models = (await (await fetch(`${t.url}/v1/admin/read-models`, { headers: t.auth })).json()) as {
      headPosition: number;
      items: Array<{ position: number }>;
    };
    if (models.items.every((m) => m.position === models.headPosition)) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const summary = (await (await fetch(`${t.url}/v1/spread/summary`, { headers: t.auth })).json()) as {
    enrolledWithSeniorSupport: number;
  };
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${t.url}/`);
    await page.fill('#credential', t.adminKey);
    await page.click('button[type=submit]');
    const loads: Record<'cold' | 'warm', Load[]> = { cold: [], warm: [] };
    const cdp = await browser.context.newCDPSession(page);
    for (let run = 0; run < RUNS; run++) {
      for (const kind of ['cold', 'warm'] as const) {
        if (kind === 'cold') await cdp.send('Network.clearBrowserCache');
        await page.goto('about:blank');
        await page.goto(`${t.url}/#/`);
        await page.waitForFunction(
          () =>
            document.querySelectorAll('[data-testid^=breakdown-] canvas').length === 4 &&
            document.querySelector('[data-testid=enrolment-curve] canvas') !== null &&
            document.querySelector('.loading') === null,
          undefined,
          { polling: 'raf' },
        );
        loads[kind].push(
          await page.evaluate(() => {
            const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
            const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
            return {
              responseEnd: nav.responseEnd,
              domContentLoaded: nav.domContentLoadedEventEnd,
              load: nav.loadEventEnd,
              figuresDrawn: performance.now(),
              transferKb: (nav.transferSize + resources.reduce((t, r) => t + r.transferSize, 0)) / 1024,
              requests: resources.length + 1,
            };
          }),
        );
      }
    }
    const api: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      await Promise.all(
        QUERIES.map(async (q) => (await fetch(`${t.url}${q}`, { headers: t.auth })).arrayBuffer()),
      );
      api.push(performance.now() - start);
    }
    const row = (label: string, pick: (l: Load) => number, digits = 0) => [
      label,
      fmt(median(loads.cold.map(pick)), digits),
      fmt(median(loads.warm.map(pick)), digits),
    ];
    writeSection(
      'dashboard',
      `## Dashboard first load — \`npm run bench:dashboard\`

The programme page (four tiles, the enrolment curve, the trust-share line and four breakdowns: six API queries) in headless Debian Chromium at 1280×800, on the same machine as the service (embedded store filled by \`npm run simulate -- --seed 42 --scale ${SCALE}\` over HTTP: ${fmt(simulation.commands)} commands, ${fmt(simulation.organisations)} organisations, ${fmt(summary.enrolledWithSeniorSupport)} enrolled with senior support today). Times in ms from navigation start, median of ${RUNS} loads each; cold = browser cache cleared, warm = assets cached (the page itself is revalidated). "Figures drawn": every loading message gone and every chart's canvas in place. Assets are served uncompressed (the service has no compression).

${table(
  ['measure', 'cold', 'warm'],
  [
    row('response end (the page)', (l) => l.responseEnd, 1),
    row('DOM content loaded', (l) => l.domContentLoaded),
    row('load event end', (l) => l.load),
    row('figures drawn', (l) => l.figuresDrawn),
    row('transferred (KiB)', (l) => l.transferKb),
    row('requests', (l) => l.requests),
  ],
)}

Baseline in the same run: the page's six API queries sent in parallel from Node, ${fmt(median(api))} ms (median of ${RUNS}).`,
    );
    console.log(
      `dashboard first load: figures drawn cold ${fmt(median(loads.cold.map((l) => l.figuresDrawn)))} ms`,
    );
  } finally {
    await browser.close();
    await t.close();
  }
}

if (require.main === module) void runDashboardBench();
