import type {
  DriverDiagramView,
  DriverView,
} from '../../../src/projections/driver-diagrams/driver-diagram-view';
import type { MeasureChart } from '../../../src/projections/measures/measure-chart';
import { rememberCredential } from '../../support/credentials';
import { startTestApp, TestApp } from '../../support/test-app';
import { sendTownendCourt, SimulatedTownendCourt } from '../../simulator/support/townend-court';
import { artifactPath, Browser, launchChromium } from './support/chromium';
import { KEYS } from './support/dashboard-app';
import { DashboardPage, signedInPage } from './support/dashboard-page';

interface Box {
  level: string;
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The API's diagram as the page should draw it: each node's level and words, depth first. */
function expected(diagram: DriverDiagramView): Array<[string, string]> {
  const driver = (d: DriverView, level: string): Array<[string, string]> => [
    [level, d.text],
    ...d.drivers.flatMap((child) => driver(child, 'secondary')),
    ...d.changeIdeas.map((idea): [string, string] => ['change-idea', idea.text]),
  ];
  return [['aim', 'aim'], ...diagram.primaryDrivers.flatMap((p) => driver(p, 'primary'))];
}

/**
 * The improvement method on the dashboard, on Townend Court exactly as the
 * simulator plays it: its driver diagram drawn as the API gives it on two
 * dates either side of a revision (compared by structure and layout, with a
 * screenshot of each), its outcome chart in Making Data Count's style with
 * every point drawn and no two labels overlapping, and the new sections free
 * of serious accessibility violations.
 */
describe('the improvement method on the dashboard [Chromium, sqlite: embedded file store]', () => {
  let t: TestApp;
  let browser: Browser;
  let townend: SimulatedTownendCourt;
  let tab: DashboardPage;

  beforeAll(async () => {
    [t, browser] = await Promise.all([
      startTestApp({ API_KEYS: JSON.stringify(Object.values(KEYS).map((k) => k.entry)) }),
      launchChromium(),
    ]);
    rememberCredential(t.url, KEYS.admin.key);
    townend = await sendTownendCourt(t.url, KEYS.admin.key);
  }, 120_000);
  beforeEach(async () => {
    tab = await signedInPage(browser, t.url, KEYS.admin.key);
  });
  afterEach(async () => tab.page.close());
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const api = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${t.url}${path}`, {
      headers: { authorization: `Bearer ${KEYS.admin.key}` },
    });
    return (await response.json()) as T;
  };
  const drawnNodes = () =>
    tab.page.$$eval('[data-testid=driver-diagram] .dd-node', (nodes) =>
      nodes.map((node) => {
        const box = node.getBoundingClientRect();
        const text = node.classList.contains('dd-aim')
          ? 'aim'
          : ((node.querySelector('.dd-text') ?? node.lastChild)?.textContent?.trim() ?? '');
        return {
          level: node.getAttribute('data-level') ?? '',
          text,
          left: box.left,
          right: box.right,
          top: box.top,
          bottom: box.bottom,
        };
      }),
    );

  it('draws the driver diagram as the API gives it, as of two dates either side of a revision', async () => {
    const dayBefore = new Date(Date.parse(townend.revisedOn) - 86_400_000).toISOString().slice(0, 10);
    const shapes: Record<string, Array<[string, string]>> = {};
    for (const asOf of [dayBefore, townend.revisedOn]) {
      const diagram = await api<DriverDiagramView>(
        `/v1/evaluation/always-events/${townend.alwaysEventId}/driver-diagram?asOf=${asOf}`,
      );
      await tab.open(`/always-events/${townend.alwaysEventId}?asOf=${asOf}`);
      await tab.page
        .locator('[data-testid=driver-diagram]')
        .screenshot({ path: artifactPath(`driver-diagram-${asOf}.png`) });
      const nodes: Box[] = await drawnNodes();
      shapes[asOf] = nodes.map((n) => [n.level, n.text]);
      expect(shapes[asOf]).toEqual(expected(diagram));
      // Laid out as a driver diagram: each level to the right of the one before, no two boxes overlapping.
      const right = (level: string) =>
        Math.max(...nodes.filter((n) => n.level === level).map((n) => n.right));
      const left = (level: string) => Math.min(...nodes.filter((n) => n.level === level).map((n) => n.left));
      expect(left('primary')).toBeGreaterThan(right('aim'));
      expect(left('secondary')).toBeGreaterThan(right('primary'));
      expect(left('change-idea')).toBeGreaterThan(right('secondary'));
      for (const [i, a] of nodes.entries()) {
        for (const b of nodes.slice(i + 1)) {
          const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
          expect({ a: a.text, b: b.text, apart }).toEqual({ a: a.text, b: b.text, apart: true });
        }
      }
      const outcomes = await tab.page.$$eval('[data-testid=change-idea-outcome]', (els) =>
        els.map((e) => e.textContent),
      );
      expect(outcomes.length).toBe(nodes.filter((n) => n.level === 'change-idea').length);
    }
    // The revision shows: the reworded driver, before and after.
    expect(shapes[dayBefore]).toContainEqual([
      'secondary',
      'Staff know the routine, nights and weekends included',
    ]);
    expect(shapes[townend.revisedOn]).toContainEqual([
      'secondary',
      'Every shift owns the routine, handed over at each change of shift',
    ]);
    expect(tab.errors).toEqual([]);
  });

  it('draws the outcome chart in MDC style: every point, the phase break labelled, no labels overlapping', async () => {
    const chart = await api<MeasureChart>(`/v1/measures/${townend.outcomeMeasureId}/chart?profile=mdc`);
    await tab.open(`/always-events/${townend.alwaysEventId}?profile=mdc`);
    const figure = `[data-testid=measure][data-measure-id="${townend.outcomeMeasureId}"] [data-testid=spc-chart]`;
    await tab.page.locator(figure).screenshot({ path: artifactPath('townend-outcome-chart.png') });
    const drawn = await tab.page.$$eval(`${figure} svg circle[data-n]`, (circles) =>
      circles.map((c) => [c.getAttribute('data-variation'), c.getAttribute('fill')]),
    );
    expect(drawn.map(([variation]) => variation)).toEqual(chart.chart?.points.map((p) => p.variation));
    expect(new Set(drawn.map(([, fill]) => fill))).toEqual(
      new Set(
        chart.chart?.points.map(
          (p) =>
            ({ improvement: '#00B0F0', concern: '#E46C0A', neither: '#490092', 'common-cause': '#A6A6A6' })[
              p.variation
            ],
        ),
      ),
    );
    const labels = await tab.page.$$eval(`${figure} svg text[data-label]`, (texts) =>
      texts.map((text) => {
        const box = text.getBoundingClientRect();
        return {
          kind: text.getAttribute('data-label'),
          text: text.textContent,
          box: [box.left, box.right, box.top, box.bottom],
        };
      }),
    );
    expect(labels.filter((l) => l.kind === 'phase-break').map((l) => l.text)).toEqual([
      expect.stringMatching(/^Recalculated: Sustained shift after/),
    ]);
    for (const [i, a] of labels.entries()) {
      for (const b of labels.slice(i + 1)) {
        const [al, ar, at, ab] = a.box;
        const [bl, br, bt, bb] = b.box;
        const apart = ar <= bl || br <= al || ab <= bt || bb <= at;
        expect({ a: a.text, b: b.text, apart }).toEqual({ a: a.text, b: b.text, apart: true });
      }
    }
    expect(
      await tab.page.textContent(
        `[data-testid=measure][data-measure-id="${townend.outcomeMeasureId}"] [data-testid=limit-decisions]`,
      ),
    ).toContain('Limits recalculated from');
    expect(tab.errors).toEqual([]);
  });

  it('leaves no serious or critical accessibility violation on the new sections, desktop and phone', async () => {
    const report: Record<string, string[]> = {};
    for (const [width, height] of [
      [1280, 800],
      [390, 844],
    ]) {
      await tab.page.setViewportSize({ width, height });
      for (const hash of [`/always-events/${townend.alwaysEventId}`, '/evaluation']) {
        await tab.open(hash);
        await tab.screenshot(`method-${hash.split('/')[1]}-${width}`);
        report[`${hash} at ${width}`] = await tab.seriousViolations();
      }
    }
    expect(Object.values(report).flat()).toEqual([]);
    expect(await tab.page.$$eval('[data-testid=progress-distribution]', (f) => f.length)).toBe(1);
    expect(tab.errors).toEqual([]);
  });
});
