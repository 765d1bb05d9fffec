import { forgetCredential, rememberCredential, testKey } from '../../../support/credentials';
import { startTestApp, TestApp } from '../../../support/test-app';
import { DashboardData, fillDashboardData } from '../../support/dashboard-data';

/** One key per role the dashboard serves: the national team, an analyst, an evaluator. */
export const KEYS = {
  admin: testKey('dashboard-admin', 'programme-admin'),
  analyst: testKey('dashboard-analyst', 'analyst'),
  evaluator: testKey('dashboard-evaluator', 'evaluator'),
};

export interface DashboardApp {
  t: TestApp;
  data: DashboardData;
  /** GET from the API as the national team, as the tests' source of truth. */
  api<T>(path: string): Promise<T>;
  close(): Promise<void>;
}

/**
 * The whole service on a fresh embedded store, filled over HTTP with the
 * dashboard's data (test/dashboard/support/dashboard-data.ts); `env` adds
 * settings (a shorter read-your-writes wait, say).
 */
export async function startDashboardApp(
  env: Record<string, string> = {},
  trusts = 120,
): Promise<DashboardApp> {
  const t = await startTestApp({ API_KEYS: JSON.stringify(Object.values(KEYS).map((k) => k.entry)), ...env });
  // The command helpers send the credential remembered for the app's URL.
  rememberCredential(t.url, KEYS.admin.key);
  const data = await fillDashboardData(t.url, { trusts });
  return {
    t,
    data,
    api: async <T>(path: string) => {
      const response = await fetch(`${t.url}${path}`, {
        headers: { authorization: `Bearer ${KEYS.admin.key}` },
      });
      if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    close: async () => {
      forgetCredential(t.url);
      await t.close();
    },
  };
}
