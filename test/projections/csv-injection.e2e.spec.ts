import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { commandClient, expectCreated, launchProgrammeWith, programmeSlug } from '../commands/command-client';
import { authHeaders } from '../support/credentials';
import { storeUnderTest } from '../support/store-under-test';
import { startTestApp, TestApp } from '../support/test-app';
import { scenarioSteps } from './evaluation/scenario-steps';

const FORMULA = '=HYPERLINK("http://x","y")';

describe(`CSV exports are safe to open [${storeUnderTest}, real HTTP]`, () => {
  let t: TestApp;
  let position: number;

  beforeAll(async () => {
    t = await startTestApp();
    const client = commandClient(t.url);
    await launchProgrammeWith(client, ['RA1']);
    const steps = scenarioSteps(client);
    await steps.enrol('RA1', '2017-10-01');
    await steps.send('InitiateAlwaysEvent', {
      alwaysEventId: randomUUID(),
      programmeSlug,
      odsCode: 'RA1',
      homeUnit: { unitId: 'home', name: '+SUM(1,2)', setting: 'Maternity' },
      population: '@people on the unit',
    });
    const renamed = await client.post('RenameOrganisation', {
      odsCode: 'RA1',
      newName: FORMULA,
      effectiveDate: '2017-11-01',
    });
    expectCreated(renamed);
    position = renamed.body.position as number;
  }, 60_000);
  afterAll(async () => t?.close());

  const get = (path: string, accept?: string) =>
    fetch(`${t.url}${path}`, { headers: { ...authHeaders(t.url), ...(accept ? { accept } : {}) } });

  it('neutralises a renamed organisation and other text cells in the Always Event register CSV', async () => {
    const response = await get(`/v1/evaluation/always-events?minPosition=${position}`, 'text/csv');
    expect(response.status).toBe(200);
    const [row] = parse(await response.text(), { columns: true }) as Array<Record<string, string>>;
    expect(row['organisation.name']).toBe(`'${FORMULA}`);
    expect(row['homeUnit.name']).toBe("'+SUM(1,2)");
    expect(Object.values(row).every((cell) => !/^[=+\-@\t\r]/.test(cell))).toBe(true);
  });

  it('leaves JSON and the NDJSON export as they were', async () => {
    const json = (await (await get(`/v1/evaluation/always-events?minPosition=${position}`)).json()) as {
      items: Array<{ organisation: { name: string } }>;
    };
    expect(json.items[0].organisation.name).toBe(FORMULA);
    const ndjson = await (await get('/v1/export/events')).text();
    expect(ndjson).toContain(JSON.stringify(FORMULA).slice(1, -1));
    expect(ndjson).not.toContain(`'${FORMULA}`);
  });
});
