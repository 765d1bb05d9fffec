import type { EvaluationRecord } from '../api/evaluation-types';
import type { CursorList } from '../api/programme-types';
import { boundsKey, useSession } from '../app/context';
import { formatDay } from '../app/dates';
import { formatCount } from '../app/format';
import { EVALUATION_RECORDS, EvaluationRecords, hrefOf, sharedParams } from '../app/route';
import { useResource } from '../app/use-resource';
import { SearchableList } from '../components/searchable-list';
import { Await } from '../components/status';
import { dataCutList, findingList, reportList } from './evaluation-record-lists';

const TAB_LABELS: Record<EvaluationRecords, string> = {
  'data-cuts': 'Data cuts',
  findings: 'Findings',
  reports: 'Report',
};

interface Props {
  id: string;
  records: EvaluationRecords;
  query: URLSearchParams;
  navigate: (href: string) => void;
}

/** One evaluation: what it is, then its data cuts, findings or report as a list like the others. */
export function EvaluationRecordsPage({ id, records, query, navigate }: Props) {
  const { api, bounds } = useSession();
  const shared = sharedParams(query);
  const [found, retry] = useResource(
    () =>
      api.get<CursorList<EvaluationRecord>>('/v1/evaluations', { ...bounds, evaluationId: id, limit: '1' }),
    `${id}|${boundsKey(bounds)}`,
  );
  const path = `/evaluations/${id}/${records}`;
  const list = { path, fixed: { evaluationId: id }, limit: '25' };

  return (
    <>
      <p class="hint">
        <a href={hrefOf('/evaluations', shared)}>Evaluations</a>
      </p>
      <Await resource={found} retry={retry} what="the evaluation">
        {({ items: [evaluation] }) =>
          evaluation ? (
            <Summary evaluation={evaluation} shared={shared} />
          ) : (
            <>
              <h1>Evaluation not found</h1>
              <p>No evaluation {id} was commissioned at these bounds.</p>
            </>
          )
        }
      </Await>
      <nav class="tabs" aria-label="This evaluation’s records">
        <ul>
          {EVALUATION_RECORDS.map((kind) => (
            <li key={kind}>
              <a
                href={hrefOf(`/evaluations/${id}/${kind}`, shared)}
                aria-current={kind === records ? 'page' : undefined}
              >
                {TAB_LABELS[kind]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{TAB_LABELS[records]}</h2>
      {records === 'data-cuts' && (
        <SearchableList spec={{ ...dataCutList(shared), ...list }} query={query} navigate={navigate} />
      )}
      {records === 'findings' && (
        <SearchableList spec={{ ...findingList, ...list }} query={query} navigate={navigate} />
      )}
      {records === 'reports' && (
        <SearchableList spec={{ ...reportList, ...list }} query={query} navigate={navigate} />
      )}
    </>
  );
}

function Summary({
  evaluation: e,
  shared,
}: {
  evaluation: EvaluationRecord;
  shared: Record<string, string | undefined>;
}) {
  return (
    <>
      <h1>{e.title}</h1>
      <dl class="facts" data-testid="evaluation-summary">
        <dt>Evaluator</dt>
        <dd>{e.evaluator}</dd>
        <dt>Commissioner</dt>
        <dd>{e.commissioner}</dd>
        <dt>Commissioned</dt>
        <dd>{formatDay(e.commissionedAt)}</dd>
        <dt>Data cuts, findings</dt>
        <dd>
          {formatCount(e.dataCuts)}, {formatCount(e.findings)}
        </dd>
        <dt>Report</dt>
        <dd>{e.reportPublishedOn ? `Published ${formatDay(e.reportPublishedOn)}` : 'Not yet published'}</dd>
        <dt>Id</dt>
        <dd>
          <code class="copyable">{e.evaluationId}</code>
        </dd>
      </dl>
      <p>
        <a href={hrefOf('/evaluation', { ...shared, evaluationId: e.evaluationId })}>
          Take a data cut of this evaluation
        </a>
      </p>
    </>
  );
}
