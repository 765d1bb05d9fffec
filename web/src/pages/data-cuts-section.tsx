import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, unreachable } from '../api/problem';
import type { CommandResult, DataCut, DataCutVerification } from '../api/types';
import { useSession } from '../app/context';
import { dateProblem, formatDay, todayUtc } from '../app/dates';
import { humanise } from '../app/format';
import { isUuid, randomUuid, saveFile } from '../app/ids';
import { DataTable } from '../components/data-table';
import { ErrorPanel } from '../components/status';
import { EvaluationSelect } from './evaluation-select';

type Busy = null | 'taking' | 'opening' | 'verifying' | `downloading ${string}`;

const asApiError = (error: unknown): ApiError => (error instanceof ApiError ? error : unreachable(error));

/**
 * Data cuts fix an evaluation's figures: take one, check it still reproduces,
 * download its tables. The URL may name the evaluation to cut
 * (`evaluationId`) or a cut to open (`dataCut`), as the evaluation lists link.
 */
export function DataCutsSection({ query }: { query: URLSearchParams }) {
  const { api, bounds } = useSession();
  const [evaluationId, setEvaluationId] = useState(query.get('evaluationId') ?? '');
  const [cut, setCut] = useState<DataCut | null>(null);
  const [verification, setVerification] = useState<DataCutVerification | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<Busy>(null);

  const run = async (what: Busy, work: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(null);
    }
  };

  const open = (dataCutId: string) =>
    run('opening', async () => {
      setVerification(null);
      setCut(await api.get<DataCut>(`/v1/evaluation/data-cuts/${dataCutId}`));
    });
  const linked = query.get('dataCut');
  useEffect(() => {
    if (linked && isUuid(linked)) void open(linked);
    // Once, for the cut the page was opened with.
  }, []);

  const take = (event: Event) => {
    event.preventDefault();
    const elements = (event.currentTarget as HTMLFormElement).elements;
    const input = (name: string) => elements.namedItem(name) as HTMLInputElement;
    const evaluationId = input('evaluationId').value.trim();
    setEvaluationId(evaluationId);
    const [asOf, asKnownAt] = [input('asOf').value, input('asKnownAt').value];
    const found: Record<string, string> = {};
    if (!isUuid(evaluationId)) found.evaluationId = 'Enter the evaluation’s id (a UUID)';
    for (const bound of ['asOf', 'asKnownAt'] as const) {
      const problem = input(bound).validity.badInput
        ? 'Enter a real date, as day, month and year'
        : bound === 'asOf' && asOf === ''
          ? 'Enter the date the cut is as of'
          : dateProblem(input(bound).value, bound, todayUtc());
      if (problem) found[bound] = problem;
    }
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const dataCutId = randomUuid();
    void run('taking', async () => {
      await api.command<CommandResult>(
        'TakeDataCut',
        { evaluationId, dataCutId, asOf, ...(asKnownAt ? { asKnownAt } : {}) },
        `dashboard-data-cut-${dataCutId}`,
      );
      setVerification(null);
      setCut(await api.get<DataCut>(`/v1/evaluation/data-cuts/${dataCutId}`));
    });
  };

  const lookUp = (event: Event) => {
    event.preventDefault();
    const id = String(new FormData(event.currentTarget as HTMLFormElement).get('dataCutId') ?? '').trim();
    if (!isUuid(id)) {
      setProblems({ dataCutId: 'Enter a data cut’s id (a UUID)' });
      return;
    }
    setProblems({});
    void open(id);
  };

  const field = (name: string, label: string, input: JSX.Element) => (
    <div class={`field${problems[name] ? ' field--error' : ''}`}>
      <label for={`cut-${name}`}>{label}</label>
      {problems[name] && (
        <p class="field-error" id={`cut-${name}-error`}>
          {problems[name]}
        </p>
      )}
      {input}
    </div>
  );

  return (
    <section aria-labelledby="cuts-heading">
      <h2 id="cuts-heading">Data cuts</h2>
      <div class="cut-forms">
        <form onSubmit={take} noValidate aria-labelledby="take-heading" class="panel">
          <h3 id="take-heading">Take a data cut</h3>
          <EvaluationSelect value={evaluationId} onChange={setEvaluationId} />
          {field(
            'evaluationId',
            'Evaluation id',
            <input
              id="cut-evaluationId"
              name="evaluationId"
              autocomplete="off"
              value={evaluationId}
              onInput={(e) => setEvaluationId((e.currentTarget as HTMLInputElement).value)}
              aria-invalid={problems.evaluationId ? true : undefined}
            />,
          )}
          {field(
            'asOf',
            'As of',
            <input id="cut-asOf" name="asOf" type="date" defaultValue={bounds.asOf ?? todayUtc()} />,
          )}
          {field(
            'asKnownAt',
            'As known at (empty: now)',
            <input id="cut-asKnownAt" name="asKnownAt" type="date" defaultValue={bounds.asKnownAt ?? ''} />,
          )}
          <button type="submit" disabled={busy !== null}>
            {busy === 'taking' ? 'Taking the cut…' : 'Take data cut'}
          </button>
        </form>
        <form onSubmit={lookUp} noValidate aria-labelledby="open-heading" class="panel">
          <h3 id="open-heading">Open a data cut</h3>
          {field(
            'dataCutId',
            'Data cut id',
            <input
              id="cut-dataCutId"
              name="dataCutId"
              autocomplete="off"
              defaultValue={linked && isUuid(linked) ? linked : ''}
            />,
          )}
          <button type="submit" disabled={busy !== null}>
            Open
          </button>
        </form>
      </div>
      {error && <ErrorPanel error={error} what="data cuts" />}
      {cut && (
        <CutDetails
          cut={cut}
          verification={verification}
          busy={busy}
          onVerify={() =>
            run('verifying', async () =>
              setVerification(
                await api.get<DataCutVerification>(`/v1/evaluation/data-cuts/${cut.dataCutId}/verify`),
              ),
            )
          }
          onDownload={(readModel) =>
            run(`downloading ${readModel}`, async () =>
              saveFile(
                await api.csv(`/v1/evaluation/data-cuts/${cut.dataCutId}/read-models/${readModel}`),
                `data-cut-${cut.dataCutId}-${readModel}.csv`,
              ),
            )
          }
        />
      )}
    </section>
  );
}

interface DetailsProps {
  cut: DataCut;
  verification: DataCutVerification | null;
  busy: Busy;
  onVerify: () => void;
  onDownload: (readModel: string) => void;
}

function CutDetails({ cut, verification, busy, onVerify, onDownload }: DetailsProps) {
  const status = (name: string) => verification?.readModels.find((r) => r.readModel === name)?.status;
  return (
    <div class="panel" data-testid="data-cut" data-cut-id={cut.dataCutId}>
      <h3>Data cut {cut.dataCutId}</h3>
      <p>
        As of {formatDay(cut.asOf)}, as known at {cut.asKnownAt} (log position {cut.globalPosition});
        evaluation {cut.evaluationId}.
      </p>
      <button type="button" onClick={onVerify} disabled={busy !== null}>
        {busy === 'verifying' ? 'Verifying…' : 'Verify'}
      </button>
      {verification && (
        <p role="status" data-testid="verify-result" class={verification.match ? 'ok' : 'field-error'}>
          {verification.match
            ? 'Every read model reproduces its checksum.'
            : 'Some read models no longer reproduce their checksum: see below.'}
        </p>
      )}
      <DataTable
        caption="Read models fixed by this cut"
        testId="data-cut-read-models"
        rows={Object.entries(cut.checksums)}
        rowKey={([name]) => name}
        columns={[
          { label: 'Read model', value: ([name]) => name },
          { label: 'Version', value: ([name]) => cut.projectionVersions[name] ?? '—', numeric: true },
          { label: 'Checksum (SHA-256)', value: ([, sum]) => <code>{sum.slice(0, 16)}…</code> },
          { label: 'Verification', value: ([name]) => humanise(status(name) ?? 'not checked') },
          {
            label: 'Table',
            value: ([name]) => (
              <button
                type="button"
                class="secondary"
                onClick={() => onDownload(name)}
                disabled={busy !== null}
              >
                Download CSV<span class="visually-hidden"> of {name}</span>
              </button>
            ),
          },
        ]}
      />
    </div>
  );
}
