import { useState } from 'preact/hooks';
import type { ImportReport } from '../api/programme-types';
import { ApiError, unreachable } from '../api/problem';
import { useSession } from '../app/context';
import { formatCount, humanise } from '../app/format';
import { DataTable } from '../components/data-table';
import { DownloadButton } from '../components/download-button';
import { ErrorPanel } from '../components/status';
import { Tile } from '../components/tile';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The type to send: the browser's, else the name's; the service reads the kind from the bytes anyway. */
export function contentTypeOf(file: { name: string; type: string }): string {
  if (file.type === XLSX || file.type === 'text/csv') return file.type;
  if (/\.xlsx$/i.test(file.name)) return XLSX;
  if (/\.csv$/i.test(file.name)) return 'text/csv';
  return 'application/octet-stream';
}

/** Monthly returns and measurements from a spreadsheet: upload it, read the report row by row. */
export function ImportsPage() {
  const { api } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [every, setEvery] = useState(false);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [dragging, setDragging] = useState(false);

  const upload = async (event: Event) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      setReport(
        await api.upload<ImportReport>('/v1/imports', file, contentTypeOf(file), {
          report: every ? 'all' : undefined,
        }),
      );
    } catch (e) {
      setError(e instanceof ApiError ? e : unreachable(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>Import returns and measurements</h1>
      <p class="lead">
        One CSV or XLSX file of monthly returns and measurements, laid out as the template. Each row is
        checked and written on its own: a refused row writes nothing and holds no other row back, and
        importing a file again writes nothing twice.
      </p>
      <section aria-labelledby="template-heading">
        <h2 id="template-heading">Template</h2>
        <DownloadButton
          path="/v1/imports/template"
          params={{ format: 'csv' }}
          accept="text/csv"
          fileName="always-events-import-template.csv"
          what="the template"
        >
          Download the template (CSV)
        </DownloadButton>
        <DownloadButton
          path="/v1/imports/template"
          params={{ format: 'xlsx' }}
          accept={XLSX}
          fileName="always-events-import-template.xlsx"
          what="the template"
        >
          Download the template (XLSX, with a guide)
        </DownloadButton>
      </section>
      <form class="panel import-form" onSubmit={upload} aria-labelledby="upload-heading">
        <h2 id="upload-heading">Upload a file</h2>
        <div
          class={`drop-zone${dragging ? ' drop-zone--over' : ''}`}
          data-testid="drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            const dropped = e.dataTransfer?.files[0];
            if (dropped) setFile(dropped);
          }}
        >
          <label for="import-file">Choose a CSV or XLSX file, or drop it here</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)}
          />
          <p class="hint" data-testid="chosen-file">
            {file ? `${file.name} (${formatCount(file.size)} bytes)` : 'No file chosen yet.'}
          </p>
        </div>
        <div class="field field--inline">
          <input
            id="import-every"
            type="checkbox"
            checked={every}
            onChange={(e) => setEvery((e.currentTarget as HTMLInputElement).checked)}
          />
          <label for="import-every">List every row's outcome, not only the refused rows</label>
        </div>
        <button type="submit" disabled={!file || busy}>
          {busy ? 'Importing…' : 'Import'}
        </button>
      </form>
      {error && <ErrorPanel error={error} what="the import" />}
      {report && <ImportReportView report={report} />}
    </>
  );
}

function ImportReportView({ report }: { report: ImportReport }) {
  const { totals } = report;
  return (
    <section aria-labelledby="report-heading" data-testid="import-report" data-import-id={report.importId}>
      <h2 id="report-heading">Report</h2>
      <p role="status" data-testid="import-summary">
        {formatCount(totals.rows)} rows read from the {report.file.format.toUpperCase()} file:{' '}
        {formatCount(totals.written)} written, {formatCount(totals.replayed)} already there,{' '}
        {formatCount(totals.refused)} refused, {formatCount(totals.failed)} failed.
      </p>
      <div class="tiles">
        <Tile testId="import-written" label="Written" value={formatCount(totals.written)} />
        <Tile testId="import-replayed" label="Already there" value={formatCount(totals.replayed)} />
        <Tile testId="import-refused" label="Refused" value={formatCount(totals.refused)} />
        <Tile testId="import-failed" label="Failed (import again)" value={formatCount(totals.failed)} />
      </div>
      <DataTable
        caption={
          report.entries.length === 0
            ? 'Every row was taken'
            : 'Rows, as a spreadsheet numbers them (the header is row 1)'
        }
        testId="import-entries"
        rows={report.entries}
        rowKey={(e, i) => `${e.row}-${i}`}
        columns={[
          { label: 'Row', value: (e) => e.row, numeric: true },
          { label: 'Field', value: (e) => e.field ?? '—' },
          { label: 'Rule', value: (e) => e.rule ?? '—' },
          { label: 'Outcome', value: (e) => humanise(e.outcome) },
          { label: 'Message', value: (e) => e.message ?? '—' },
        ]}
      />
    </section>
  );
}
