import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, EventStore } from '../../src/event-store';
import { screenRows } from '../../src/privacy/screening';
import { sendRaw } from '../support/http';
import { storeUnderTest } from '../support/store-under-test';
import { startTestApp, TestApp } from '../support/test-app';
import {
  isLatin1,
  leaks,
  needles,
  NHS_NUMBERS,
  storeFiles,
  storeText,
  utf8AsLatin1,
  WRITINGS,
} from './support/leak-check';

interface Attempt {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** The field the 422 must name. */
  field: string;
}

const dissolve = (reason: string) => JSON.stringify({ odsCode: 'RZ9', effectiveDate: '2019-01-01', reason });
const register = (fields: Record<string, unknown>) =>
  JSON.stringify({
    odsCode: 'RZ2',
    name: 'Royal Example NHS Trust',
    type: 'AcuteTrust',
    regionCode: 'Y56',
    isNhsTrust: true,
    openDate: '2005-04-01',
    ...fields,
  });
const launch = (sponsor: string) =>
  JSON.stringify({
    programmeSlug: 'always-events-england',
    name: 'Always Events',
    sponsors: [sponsor],
    startDate: '2016-04-01',
  });

/** A header value as it can be sent: Latin-1 text as it is, anything else as its UTF-8 bytes. */
const headerValue = (text: string): string => (isLatin1(text) ? text : utf8AsLatin1(text));
const headerWritings = WRITINGS.filter(([, text]) => !text.includes('\n'));
const few = WRITINGS.filter((_, i) => i % 4 === 0);

const ATTEMPTS: ReadonlyArray<readonly [place: string, writing: string, text: string, attempt: Attempt]> = [
  ...WRITINGS.map(
    ([name, text]) =>
      [
        'a free-text body field',
        name,
        text,
        { method: 'POST', path: '/v1/commands/DissolveOrganisation', body: dissolve(text), field: 'reason' },
      ] as const,
  ),
  ...WRITINGS.map(
    ([name, text]) =>
      [
        'the body commandId',
        name,
        text,
        {
          method: 'POST',
          path: '/v1/commands/RegisterOrganisation',
          body: register({ commandId: text }),
          field: 'commandId',
        },
      ] as const,
  ),
  ...few.map(
    ([name, text]) =>
      [
        'a name field',
        name,
        text,
        {
          method: 'POST',
          path: '/v1/commands/RegisterOrganisation',
          body: register({ name: text }),
          field: 'name',
        },
      ] as const,
  ),
  ...few.map(
    ([name, text]) =>
      [
        'a code field',
        name,
        text,
        {
          method: 'POST',
          path: '/v1/commands/RegisterOrganisation',
          body: register({ odsCode: text }),
          field: 'odsCode',
        },
      ] as const,
  ),
  ...few.map(
    ([name, text]) =>
      [
        'a list item',
        name,
        text,
        { method: 'POST', path: '/v1/commands/LaunchProgramme', body: launch(text), field: 'sponsors[0]' },
      ] as const,
  ),
  ...few.map(
    ([name, text]) =>
      [
        'a field name',
        name,
        text,
        {
          method: 'POST',
          path: '/v1/commands/DissolveOrganisation',
          body: JSON.stringify({ odsCode: 'RZ1', effectiveDate: '2019-01-01', [text]: 'x' }),
          field: '(field name)',
        },
      ] as const,
  ),
  ...few.map(
    ([name, text]) =>
      [
        'a nested unknown field',
        name,
        text,
        {
          method: 'POST',
          path: '/v1/commands/DissolveOrganisation',
          body: JSON.stringify({ odsCode: 'RZ1', effectiveDate: '2019-01-01', extra: { deeper: [text] } }),
          field: 'extra.deeper[0]',
        },
      ] as const,
  ),
  [
    'a JSON number',
    'ten digits',
    '9434765919',
    {
      method: 'POST',
      path: '/v1/commands/DissolveOrganisation',
      body: '{"odsCode":"RZ1","effectiveDate":"2019-01-01","count":9434765919}',
      field: 'count',
    },
  ],
  ...headerWritings.map(
    ([name, text]) =>
      [
        'Idempotency-Key',
        name,
        text,
        {
          method: 'POST',
          path: '/v1/commands/DissolveOrganisation',
          body: dissolve('fine'),
          headers: { 'idempotency-key': headerValue(text) },
          field: 'Idempotency-Key',
        },
      ] as const,
  ),
  ...headerWritings.map(
    ([name, text]) =>
      [
        'X-Correlation-Id',
        name,
        text,
        {
          method: 'GET',
          path: '/v1/streams/organisation-RZ1',
          headers: { 'x-correlation-id': headerValue(text) },
          field: 'X-Correlation-Id',
        },
      ] as const,
  ),
  ...few
    .filter(([, t]) => !t.includes('\n'))
    .flatMap(([name, text]) =>
      (['X-Request-Id', 'X-Source-System', 'User-Agent', 'If-Match'] as const).map(
        (header) =>
          [
            header,
            name,
            text,
            {
              method: 'POST',
              path: '/v1/commands/DissolveOrganisation',
              body: dissolve('fine'),
              headers: { [header.toLowerCase()]: headerValue(text) },
              field: header,
            },
          ] as const,
      ),
    ),
  ...WRITINGS.map(
    ([name, text]) =>
      [
        'the path',
        name,
        text,
        { method: 'GET', path: `/v1/streams/patient-${encodeURIComponent(text)}`, field: '(path)' },
      ] as const,
  ),
  ...few.map(
    ([name, text]) =>
      [
        'the command name in the path',
        name,
        text,
        { method: 'POST', path: `/v1/commands/${encodeURIComponent(text)}`, body: '{}', field: '(path)' },
      ] as const,
  ),
  ...WRITINGS.map(
    ([name, text]) =>
      [
        'a query value',
        name,
        text,
        {
          method: 'GET',
          path: `/v1/evaluation/always-events?asOf=${encodeURIComponent(text)}`,
          field: 'query.asOf',
        },
      ] as const,
  ),
  ...few.map(
    ([name, text]) =>
      [
        'a query parameter name',
        name,
        text,
        {
          method: 'GET',
          path: `/v1/evaluation/always-events?${encodeURIComponent(text)}=1`,
          field: 'query.(a parameter name)',
        },
      ] as const,
  ),
];

const send = (t: TestApp, { method, path, headers, body }: Attempt) =>
  sendRaw(t.url, path, { method, headers, body });

describe(`NHS numbers, however written, wherever sent [${storeUnderTest}, real HTTP, log file]`, () => {
  let t: TestApp;
  let logFolder: string;
  let logFile: string;
  const sent: string[] = [];

  beforeAll(async () => {
    logFolder = mkdtempSync(join(tmpdir(), 'aet-screening-log-'));
    logFile = join(logFolder, 'app.log');
    t = await startTestApp({ LOG_LEVEL: 'trace', LOG_FILE: logFile });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(logFolder, { recursive: true, force: true });
  });

  it('has at least 60 ways to try', () => {
    expect(ATTEMPTS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(ATTEMPTS.map(([place]) => place)).size).toBeGreaterThanOrEqual(15);
  });

  it('records and logs the same places when they hold nothing refused (so the searches below can find things)', async () => {
    const control = await send(t, {
      method: 'POST',
      path: '/v1/commands/RegisterOrganisation',
      body: register({ odsCode: 'RZ9', name: 'Control Marker Trust' }),
      headers: {
        'idempotency-key': 'ctl-key-5e1f',
        'x-correlation-id': 'ctl-corr-5e1f',
        'x-source-system': 'ctl-source-5e1f',
        'user-agent': 'ctl-agent/5e1f',
      },
      field: '',
    });
    expect(control.status).toBe(201);
    expect(
      (await send(t, { method: 'GET', path: '/v1/streams/patient-CTLPATH5E1F?asOf=2018', field: '' })).status,
    ).toBe(404);
  });

  it.each(
    ATTEMPTS.map(([place, writing, text, attempt]) => [`${place}: ${writing}`, text, attempt] as const),
  )('%s is refused with 422 naming where, echoing nothing', async (_, text, attempt) => {
    sent.push(text);
    const answer = await send(t, attempt);
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({
      type: 'urn:always-events:problem:patient-identifiable-data',
      errors: expect.arrayContaining([expect.objectContaining({ field: attempt.field })]),
    });
    expect(leaks(`${answer.headers}\n${answer.text}`, needles([text]))).toEqual([]);
  });

  it('the other NHS numbers (the 11 → 0 check digit, a CHI-style number) are refused too', async () => {
    for (const number of NHS_NUMBERS) {
      expect(
        (
          await send(t, {
            method: 'POST',
            path: '/v1/commands/DissolveOrganisation',
            body: dissolve(`no ${number}`),
            field: 'reason',
          })
        ).status,
      ).toBe(422);
    }
  });

  it('lets ten digits that fail Modulus 11 through, in the body, headers, path and query', async () => {
    const notNhs = '9434765918';
    const accepted = await send(t, {
      method: 'POST',
      path: '/v1/commands/DissolveOrganisation',
      body: dissolve(`audit ref ${notNhs}`),
      headers: {
        'idempotency-key': `k-${notNhs}`,
        'x-correlation-id': notNhs,
        'x-source-system': `s-${notNhs}`,
      },
      field: '',
    });
    expect(accepted.status).toBe(201);
    expect(accepted.headers).toContain(`x-correlation-id: ${notNhs}`);
    expect(
      (await send(t, { method: 'GET', path: `/v1/streams/organisation-${notNhs}`, field: '' })).status,
    ).toBe(404);
    const query = await send(t, {
      method: 'GET',
      path: `/v1/evaluation/always-events?asOf=${notNhs}`,
      field: '',
    });
    expect(query.status).toBe(400);
    expect(query.body.errors).toEqual([
      expect.objectContaining({ field: 'asOf', rule: 'is-date-or-date-time' }),
    ]);
    const events = await storeText(t.app.get<symbol, EventStore>(EVENT_STORE));
    expect(events).toContain(`audit ref ${notNhs}`);
    expect(events).toContain(`k-${notNhs}`);
  });

  it('none of the refused texts is in the log file or the store (files and events), while the control is', async () => {
    const all = needles(sent);
    const log = readFileSync(logFile);
    expect(log.includes('ctl-corr-5e1f')).toBe(true);
    expect(log.includes('ctl-agent/5e1f')).toBe(true);
    expect(log.includes('CTLPATH5E1F')).toBe(true);
    expect(leaks(log, all)).toEqual([]);
    const events = await storeText(t.app.get<symbol, EventStore>(EVENT_STORE));
    expect(events).toContain('Control Marker Trust');
    expect(events).toContain('ctl-key-5e1f');
    expect(events).toContain('ctl-source-5e1f');
    expect(leaks(events, all)).toEqual([]);
    const files = storeFiles(t.folder);
    expect(files.length).toBeGreaterThan(0);
    expect(leaks(files, all)).toEqual([]);
  });
});

describe('imports: rows as an import will pass them to screen (pure)', () => {
  it.each(WRITINGS)('a cell written as %s is refused, naming its row and column', (_, text) => {
    const rows = [
      { odsCode: 'RYX', notes: 'fine' },
      { odsCode: 'RYX', notes: text },
    ];
    expect(screenRows(rows)).toEqual(expect.arrayContaining([{ field: 'row 3.notes', rule: 'nhs-number' }]));
    expect(screenRows(rows).every((f) => f.field === 'row 3.notes')).toBe(true);
  });

  it('a header cell and an array-shaped row are screened as well; a row failing Modulus 11 passes', () => {
    expect(screenRows([{ '943 476 5919': 'x' }])).toEqual([
      { field: 'row 2.(field name)', rule: 'nhs-number' },
    ]);
    expect(screenRows([['RYX', '943-476-5919']], 5)).toEqual([{ field: 'row 5[1]', rule: 'nhs-number' }]);
    expect(screenRows([{ ref: '9434765918' }, ['9434765918']])).toEqual([]);
  });
});
