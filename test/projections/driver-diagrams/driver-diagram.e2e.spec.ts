import type {
  DriverDiagramView,
  DriverView,
} from '../../../src/projections/driver-diagrams/driver-diagram-view';
import { commandClient, CommandClient, expectProblem } from '../../commands/command-client';
import { getJson } from '../../support/http';
import { storeUnderTest } from '../../support/store-under-test';
import { startTestApp, TestApp } from '../../support/test-app';
import { DiagramScenario, walkDiagramScenario } from './driver-diagram-scenario';

type Diagram = DriverDiagramView & { knowledge: { source: string } };

/** The tree as text: each driver with what sits under it, change ideas with their cycles and outcome. */
function outline(drivers: DriverView[], depth = 0): string[] {
  return drivers.flatMap((d) => [
    `${'  '.repeat(depth)}${d.text}`,
    ...outline(d.drivers, depth + 1),
    ...d.changeIdeas.map(
      (c) =>
        `${'  '.repeat(depth + 1)}* ${c.text} [${c.pdsaCycles.map((p) => `${p.cycleNumber}:${p.decision}`).join(' ')}] ${c.outcome} (${c.measures.map((m) => m.name).join(', ')})`,
    ),
  ]);
}

describe(`driver diagrams over HTTP [${storeUnderTest}, real HTTP]`, () => {
  let app: TestApp;
  let client: CommandClient;
  let s: DiagramScenario;
  const get = (path: string) => getJson<Diagram>(app.url, path);

  beforeAll(async () => {
    app = await startTestApp();
    client = commandClient(app.url);
    s = await walkDiagramScenario(client);
  }, 120_000);
  afterAll(async () => app?.close());

  it('draws the diagram under the agreed aim, as it stood in December 2017', async () => {
    const then = await get(`/v1/evaluation/always-events/${s.ae1}/driver-diagram?asOf=2017-12-01`);
    expect(then.status).toBe(200);
    expect(then.body.knowledge.source).toBe('replay');
    expect(then.body.aim).toMatchObject({ targetPct: 90, population: 'People on the unit' });
    expect(outline(then.body.primaryDrivers)).toEqual([
      'Equipment ready at all hours',
      '  Phones charged',
      '    * A ward phone on a trolley [1:Adapt] Adapt (Requests met within 5 minutes)',
      '  Staff know the routine',
    ]);
  });

  it('shows the revision of January 2018: reworded, added, relinked, retired', async () => {
    const now = await get(
      `/v1/evaluation/always-events/${s.ae1}/driver-diagram?minPosition=${s.lastPosition}`,
    );
    expect(now.body.knowledge.source).toBe('live');
    expect(outline(now.body.primaryDrivers)).toEqual([
      'Equipment ready at all hours',
      '  Phones and tablets charged every night',
      '    * A ward phone on a trolley [1:Adapt 2:Adopt] Adopt (Requests met within 5 minutes)',
      '  Help to make the call',
      '    * A ward phone on a trolley [1:Adapt 2:Adopt] Adopt (Requests met within 5 minutes)',
    ]);
    expect(now.body.retired).toEqual([
      { itemId: s.drivers.s2, kind: 'SecondaryDriver', text: 'Staff know the routine' },
    ]);
    expect(now.body.revisions.filter((r) => r.on === '2018-01-10').map((r) => [r.change, r.itemId])).toEqual([
      ['reworded', s.drivers.s1],
      ['added', s.drivers.s3],
      ['relinked', s.idea],
      ['retired', s.drivers.s2],
    ]);
  });

  it('gives the revisions as CSV rows', async () => {
    const response = await fetch(`${app.url}/v1/evaluation/always-events/${s.ae1}/driver-diagram`, {
      headers: { ...app.auth, accept: 'text/csv' },
    });
    const text = await response.text();
    expect(text.split('\n')[0]).toBe('on,itemId,kind,change,text,reason');
    expect(text).toContain('2018-01-10');
  });

  it('answers 404 for an Always Event not there at the bounds', async () => {
    const before = await get(`/v1/evaluation/always-events/${s.ae1}/driver-diagram?asOf=2017-09-01`);
    expect(before.status).toBe(404);
  });

  const link = (body: object) =>
    client.post('LinkDriverDiagramItem', {
      alwaysEventId: s.ae1,
      itemId: s.idea,
      parentDriverIds: [s.drivers.s1],
      pdsaCycleIds: [],
      measureIds: [],
      ...body,
    });

  it.each([
    ['a change idea linked under itself', () => link({ parentDriverIds: [s.idea] }), 'driver-diagram-cycle'],
    [
      'another organisation’s PDSA cycle',
      () => link({ pdsaCycleIds: [s.cycles.other] }),
      'pdsa-cycle-of-another-organisation',
    ],
    ['an orphan change idea', () => link({ parentDriverIds: [] }), 'orphan-change-idea'],
  ])('refuses %s with problem+json naming the rule, and writes nothing', async (_, send, rule) => {
    const before = await client.events(`always-event-${s.ae1}`);
    const reply = await send();
    expectProblem(reply, 422, rule);
    expect(await client.events(`always-event-${s.ae1}`)).toHaveLength(before.length);
  });

  it('refuses an orphan secondary driver, naming the field', async () => {
    const reply = await client.post('AddDriver', {
      alwaysEventId: s.ae1,
      driverId: '0b0b0b0b-0000-4000-8000-000000000001',
      level: 'Secondary',
      text: 'Floating',
      parentDriverIds: [],
    });
    expectProblem(reply, 422, 'orphan-secondary-driver');
    expect(reply.body).toMatchObject({ errors: [expect.objectContaining({ field: 'parentDriverIds' })] });
  });

  it('refuses a body that is not a driver diagram command’s', async () => {
    const reply = await client.post('AddDriver', {
      alwaysEventId: s.ae1,
      driverId: 'not-a-uuid',
      level: 'Tertiary',
      text: '',
    });
    expect(reply.status).toBe(400);
    const fields = [...new Set((reply.body.errors as Array<{ field: string }>).map((e) => e.field))].sort();
    expect(fields).toEqual(['driverId', 'level', 'parentDriverIds', 'text']);
  });
});
