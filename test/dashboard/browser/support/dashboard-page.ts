import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Browser } from './chromium';
import { artifactPath } from './chromium';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface DashboardPage {
  page: Page;
  /** Console errors and uncaught exceptions since the page opened. */
  errors: string[];
  /** Opens `#hash` (e.g. `/always-events`) and waits until every figure has loaded or failed. */
  open(hash: string): Promise<void>;
  settled(): Promise<void>;
  screenshot(name: string): Promise<string>;
  /** Clicks what offers a file and returns the file the browser saved. */
  download(selector: string): Promise<{ name: string; bytes: Buffer }>;
  /** axe-core's violations of impact serious or critical, as "rule: target" lines. */
  seriousViolations(): Promise<string[]>;
}

/**
 * A new tab (its own sessionStorage), signed in with `key` on the page at
 * `hash`; with `settle: false` it does not wait for a signed-in page (for a
 * key the API refuses).
 */
export async function signedInPage(
  browser: Browser,
  url: string,
  key: string,
  hash = '/',
  { settle = true } = {},
): Promise<DashboardPage> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const settled = async () => {
    // A signed-in page says which it is; its loading messages go once every query has answered or failed.
    await page.waitForFunction(
      () => document.querySelector('main[data-page]') !== null && document.querySelector('.loading') === null,
    );
  };
  await page.goto(`${url}/#${hash}`);
  await page.fill('#credential', key);
  await page.click('button[type=submit]');
  if (settle) await settled();
  return {
    page,
    errors,
    settled,
    open: async (target) => {
      // Through about:blank, so each page is a fresh load (and the tab keeps its sessionStorage).
      await page.goto('about:blank');
      await page.goto(`${url}/#${target}`);
      await settled();
    },
    download: async (selector) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
      return { name: file.suggestedFilename(), bytes: readFileSync((await file.path()) as string) };
    },
    screenshot: async (name) => {
      const path = artifactPath(`${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    seriousViolations: async () => {
      // Evaluated through the DevTools protocol, which the page's CSP (script-src 'self') does not govern.
      await page.evaluate(AXE);
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
        return (await axe.run()).violations;
      });
      return violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
    },
  };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: Array<{ target: string[] }>;
}
