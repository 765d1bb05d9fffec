import type { DataCutRecord, FindingRecord, ReportRecord } from '../api/evaluation-types';
import { formatDay } from '../app/dates';
import { formatCount, humanise } from '../app/format';
import { hrefOf } from '../app/route';
import { sortChoices } from '../components/list-controls';
import type { SearchableListSpec } from '../components/searchable-list';

/** What every list of one evaluation's records shares: its page, the API's filter, the page size. */
type Common = 'path' | 'endpoint' | 'fixed' | 'limit';
type RecordList<Row> = Omit<SearchableListSpec<Row>, Common> & { endpoint: string };

/** "Open" takes a cut to the evaluation page, where it can be verified and its tables downloaded. */
export const dataCutList = (shared: Record<string, string | undefined>): RecordList<DataCutRecord> => ({
  endpoint: '/v1/evaluations/data-cuts',
  id: 'data-cuts',
  searchHint: 'Part of the data cut’s id',
  sorts: sortChoices([
    ['-takenAt', 'Taken, latest first'],
    ['takenAt', 'Taken, earliest first'],
    ['-asOf', 'As of, latest first'],
    ['asOf', 'As of, earliest first'],
    ['position', 'Log position'],
  ]),
  caption: 'Data cuts of this evaluation: the id and each read model’s checksum, to cite and verify',
  testId: 'data-cuts-table',
  what: 'data cuts',
  rowKey: (c) => c.dataCutId,
  columns: [
    { label: 'Data cut', value: (c) => <code class="copyable">{c.dataCutId}</code> },
    { label: 'As of', value: (c) => formatDay(c.asOf) },
    { label: 'As known at', value: (c) => <time dateTime={c.asKnownAt}>{c.asKnownAt}</time> },
    { label: 'Log position', value: (c) => formatCount(c.globalPosition), numeric: true },
    { label: 'Taken', value: (c) => formatDay(c.takenAt) },
    {
      label: 'Checksums (SHA-256)',
      value: (c) => (
        <ul class="checksums">
          {Object.entries(c.checksums).map(([readModel, sum]) => (
            <li key={readModel}>
              {readModel} <code class="copyable">{sum}</code>
            </li>
          ))}
        </ul>
      ),
    },
    {
      label: 'Verify, download',
      value: (c) => (
        <a href={hrefOf('/evaluation', { ...shared, dataCut: c.dataCutId })}>
          Open<span class="visually-hidden"> data cut {c.dataCutId}</span>
        </a>
      ),
    },
  ],
});

export const findingList: RecordList<FindingRecord> = {
  endpoint: '/v1/evaluations/findings',
  id: 'findings',
  searchHint: 'Words in the finding, or its kind',
  sorts: sortChoices([
    ['-recordedAt', 'Recorded, latest first'],
    ['recordedAt', 'Recorded, earliest first'],
    ['kind', 'Kind'],
  ]),
  caption: 'Findings of this evaluation, with the evidence each cites',
  testId: 'findings-table',
  what: 'findings',
  rowKey: (f) => f.findingId,
  columns: [
    { label: 'Kind', value: (f) => humanise(f.kind) },
    { label: 'Finding', value: (f) => f.text },
    {
      label: 'Evidence',
      value: (f) =>
        `${formatCount(f.dataCutIds.length)} data cuts, ${formatCount(f.alwaysEventIds.length)} Always Events`,
    },
    { label: 'Recorded', value: (f) => formatDay(f.recordedAt) },
  ],
};

/** Only a web address is a link: the read model keeps whatever the evaluator sent. */
const isWebAddress = (url: string): boolean => /^https?:\/\//i.test(url);

export const reportList: RecordList<ReportRecord> = {
  endpoint: '/v1/evaluations/reports',
  id: 'reports',
  searchHint: 'Words in the title',
  sorts: sortChoices([
    ['-publishedOn', 'Published, latest first'],
    ['publishedOn', 'Published, earliest first'],
    ['title', 'Title (A–Z)'],
  ]),
  caption: 'The evaluation’s published report',
  testId: 'reports-table',
  what: 'reports',
  rowKey: (r) => `${r.evaluationId}|${r.publishedOn}`,
  columns: [
    {
      label: 'Report',
      value: (r) =>
        isWebAddress(r.url) ? (
          <a href={r.url} rel="noopener noreferrer">
            {r.title}
          </a>
        ) : (
          r.title
        ),
    },
    { label: 'Published', value: (r) => formatDay(r.publishedOn) },
    { label: 'Findings', value: (r) => formatCount(r.findingCount), numeric: true },
    { label: 'Data cuts cited', value: (r) => formatCount(r.dataCutIds.length), numeric: true },
  ],
};
