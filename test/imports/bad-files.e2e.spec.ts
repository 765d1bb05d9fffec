import ExcelJS from 'exceljs';
import { deflateRawSync } from 'node:zlib';
import type { Principal } from '../../src/auth/principal';
import { CommandGateway } from '../../src/commands/command-gateway';
import { EVENT_STORE, EventStore } from '../../src/event-store';
import { measureSetup, submitSetup, UNIT_ID } from '../../bench/support/measure-setup';
import { startTestApp, TestApp } from '../support/test-app';
import { importFile, XLSX_TYPE } from './import-files';

const ADMIN: Principal = {
  id: 'test-setup',
  role: 'programme-admin',
  organisations: '*',
  strategy: 'service',
};
const HEADER =
  'record,ods_code,always_event_id,measure_id,unit_id,period,numerator,denominator,reported_on,note';

/** A zip of the given parts, stored or deflated, written by hand so a test can make a bad one. */
function zip(parts: Array<{ name: string; data: Buffer; deflate?: boolean }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const body = part.deflate === false ? part.data : deflateRawSync(part.data);
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.deflate === false ? 0 : 8, 8);
    local.writeUInt32LE(0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(part.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(part.deflate === false ? 0 : 8, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(part.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * Files a trust should not send, and a few it may: each gets a clear report
 * or a 4xx, and nothing of a refused row or file is written.
 */
describe('bad import files [real HTTP]', () => {
  let t: TestApp;
  let store: EventStore;
  let setup: ReturnType<typeof measureSetup>;
  const row = (measure: number, week: number, extra: Partial<Record<string, string | number>> = {}) => {
    const cells = {
      record: 'measurement',
      ods_code: setup.odsCode,
      always_event_id: setup.alwaysEventId,
      measure_id: setup.measureIds[measure],
      unit_id: UNIT_ID,
      period: setup.weeks[week],
      numerator: 30,
      denominator: 40,
      reported_on: '',
      note: '',
      ...extra,
    };
    return Object.values(cells).join(',');
  };
  const csv = (...lines: string[]) => Buffer.from([HEADER, ...lines].join('\n') + '\n');

  beforeAll(async () => {
    t = await startTestApp({ IMPORT_MAX_ROWS: '50' });
    store = t.app.get<symbol, EventStore>(EVENT_STORE);
    setup = measureSetup(3);
    await submitSetup(t.app.get(CommandGateway), ADMIN, setup.setup);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const unchanged = async (run: () => Promise<void>) => {
    const before = await store.headPosition();
    await run();
    expect(await store.headPosition()).toBe(before);
  };

  it('refuses a file that is neither CSV nor XLSX with 415, and writes nothing', async () => {
    await unchanged(async () => {
      const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 2, 3, 0xff])]);
      const answer = await importFile(t.url, t.auth, pdf, 'application/octet-stream');
      expect(answer.status).toBe(415);
    });
  });

  it('refuses a JSON body with 415 problem+json naming the types it takes, and writes nothing', async () => {
    await unchanged(async () => {
      const answer = await importFile(t.url, t.auth, Buffer.from('{"rows":[]}'), 'application/json');
      expect(answer.status).toBe(415);
      expect(answer.contentType).toMatch(/^application\/problem\+json/);
      expect(answer.text).toContain('text/csv');
    });
  });

  it('refuses a multipart body without a boundary with 400 problem+json, and writes nothing', async () => {
    await unchanged(async () => {
      const answer = await importFile(t.url, t.auth, Buffer.from('ods_code\nRX1\n'), 'multipart/form-data');
      expect(answer.status).toBe(400);
      expect(answer.contentType).toMatch(/^application\/problem\+json/);
      expect(answer.text).toContain('multipart-format');
    });
  });

  it('refuses missing and unknown columns with 422 naming them', async () => {
    await unchanged(async () => {
      const answer = await importFile(
        t.url,
        t.auth,
        Buffer.from('ods_code,measure_id,numerator,denominator,colour\nRX1,x,1,2,blue\n'),
        'text/csv',
      );
      expect(answer.status).toBe(422);
      expect((answer.json.errors ?? []).map((e: { rule: string }) => e.rule).sort()).toEqual([
        'missing-column',
        'unknown-column',
      ]);
    });
  });

  it('refuses a zip bomb, a workbook with an XML document type, and hidden parts with 422, before parsing', async () => {
    await unchanged(async () => {
      const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(600 * 1024 * 1024, 0x20) }]);
      expect(bomb.length).toBeLessThan(1024 * 1024);
      const entity = zip([
        {
          name: 'xl/worksheets/sheet1.xml',
          data: Buffer.from(
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><worksheet>&b;</worksheet>',
          ),
        },
      ]);
      for (const [file, rule] of [
        [bomb, 'xlsx-too-large-inflated'],
        [entity, 'xlsx-xml-doctype'],
      ] as const) {
        const answer = await importFile(t.url, t.auth, file, XLSX_TYPE);
        expect({ status: answer.status, rule: answer.json.errors?.[0]?.rule }).toEqual({ status: 422, rule });
      }
    });
  });

  it('refuses a file with more rows than the limit with 413, writing none of them', async () => {
    await unchanged(async () => {
      const lines = Array.from({ length: 51 }, (_, i) => row(0, i));
      const answer = await importFile(t.url, t.auth, csv(...lines), 'text/csv');
      expect(answer.status).toBe(413);
    });
  });

  it('takes dates in three forms, refuses formulas, extra cells and patient identifiers row by row without echoing them', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    sheet.addRow(HEADER.split(','));
    const base = (week: number) => [
      'measurement',
      setup.odsCode,
      setup.alwaysEventId,
      setup.measureIds[1],
      UNIT_ID,
      setup.weeks[week],
    ];
    sheet.addRow([...base(0), 10, 20, new Date(Date.UTC(2015, 1, 3)), '']);
    sheet.addRow([...base(1), 10, 20, '03/02/2015', '']);
    sheet.addRow([...base(2), 10, 20, '2015-02-03', 'Ward moved']);
    sheet.addRow([...base(3), { formula: 'A1+1', result: 11 }, 20, '', '']);
    sheet.addRow([...base(4), 10, 20, '', 'NHS number 943 476 5919']);
    sheet.addRow([...base(5), 10, 20, '02/30/2015', '']);
    const answer = await importFile(
      t.url,
      t.auth,
      Buffer.from(await workbook.xlsx.writeBuffer()),
      XLSX_TYPE,
      '?report=all',
    );
    expect(answer.status).toBe(200);
    const outcomes = answer.json.entries.map(
      (e: { row: number; outcome: string; field: string | null; rule: string | null }) => [
        e.row,
        e.outcome,
        e.field,
        e.rule,
      ],
    );
    expect(outcomes).toEqual([
      [2, 'written', null, null],
      [3, 'written', null, null],
      [4, 'written', null, null],
      [5, 'refused', 'numerator', 'formula'],
      [6, 'refused', 'note', 'nhs-number'],
      [6, 'refused', 'note', 'patient-identifier'],
      [7, 'refused', 'reported_on', 'date-format'],
    ]);
    expect(answer.text).not.toMatch(/943 ?476 ?5919/);
  });

  it('writes each row once when the same file is uploaded twice at once (multipart and as the body)', async () => {
    const file = csv(...Array.from({ length: 40 }, (_, i) => row(2, i)));
    const before = await store.headPosition();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)], { type: 'text/csv' }), 'returns.csv');
    const [a, b] = await Promise.all([
      fetch(`${t.url}/v1/imports`, { method: 'POST', headers: t.auth, body: form }).then(async (r) => ({
        status: r.status,
        json: await r.json(),
      })),
      importFile(t.url, t.auth, file, 'text/csv'),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.json.totals.written + b.json.totals.written).toBe(40);
    expect(a.json.totals.replayed + b.json.totals.replayed).toBe(40);
    const after = (await store.readAll({ fromPosition: before })).filter((e) => e.position > before);
    expect(after.map((e) => e.type)).toEqual(Array(40).fill('MeasurementRecorded'));
  });

  it('checks every row against its own measure’s Always Event and organisation, and takes the home unit when none is named', async () => {
    const unknownMeasure = '0b6f6c1e-3f0a-4c55-9e7e-2d1f5a7b9c01';
    const otherAlwaysEvent = '5d2c8e4a-1b7f-4f3e-a6d9-8c0e2b4f6a13';
    const file = csv(
      row(1, 40),
      row(1, 41, { ods_code: 'RJ1' }),
      row(1, 42, { always_event_id: otherAlwaysEvent }),
      row(1, 43, { unit_id: '' }),
      row(0, 40, { ods_code: 'RJ1', always_event_id: otherAlwaysEvent }),
      row(1, 44),
      // An unknown measure is the command's to refuse, whatever the row says of its organisation.
      row(0, 41, { measure_id: unknownMeasure, ods_code: 'RJ1' }),
    );
    const before = await store.headPosition();
    const answer = await importFile(t.url, t.auth, file, 'text/csv', '?report=all');
    expect(answer.status).toBe(200);
    expect(answer.json.entries.map((e) => [e.row, e.outcome, e.field, e.rule])).toEqual([
      [2, 'written', null, null],
      [3, 'refused', 'ods_code', 'organisation-mismatch'],
      [4, 'refused', 'always_event_id', 'always-event-mismatch'],
      [5, 'written', null, null],
      [6, 'refused', 'ods_code', 'organisation-mismatch'],
      [6, 'refused', 'always_event_id', 'always-event-mismatch'],
      [7, 'written', null, null],
      [8, 'refused', null, 'measure-not-defined'],
    ]);
    const written = (await store.readAll({ fromPosition: before })).filter((e) => e.position > before);
    expect(
      written.map((e) => [
        e.type,
        (e.data as { period: string; unitId: string }).period,
        (e.data as { unitId: string }).unitId,
      ]),
    ).toEqual([
      ['MeasurementRecorded', setup.weeks[40], UNIT_ID],
      ['MeasurementRecorded', setup.weeks[43], UNIT_ID],
      ['MeasurementRecorded', setup.weeks[44], UNIT_ID],
    ]);
  });
});
