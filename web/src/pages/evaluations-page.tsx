import type { EvaluationRecord } from '../api/evaluation-types';
import { formatDay } from '../app/dates';
import { formatCount } from '../app/format';
import { hrefOf, sharedParams } from '../app/route';
import { sortChoices } from '../components/list-controls';
import { SearchableList, SearchableListSpec } from '../components/searchable-list';

const SORTS = sortChoices([
  ['-commissionedAt', 'Commissioned, latest first'],
  ['commissionedAt', 'Commissioned, earliest first'],
  ['title', 'Title (A–Z)'],
  ['evaluator', 'Evaluator (A–Z)'],
]);

/** Every evaluation at the bounds: search, sort, page; each opens its data cuts, findings and report. */
export function EvaluationsPage({
  query,
  navigate,
}: {
  query: URLSearchParams;
  navigate: (href: string) => void;
}) {
  const shared = sharedParams(query);
  const spec: SearchableListSpec<EvaluationRecord> = {
    path: '/evaluations',
    endpoint: '/v1/evaluations',
    limit: '25',
    id: 'evaluations',
    searchHint: 'Title, evaluator or commissioner',
    sorts: SORTS,
    caption: 'Evaluations at these bounds; open one for its data cuts, findings and report',
    testId: 'evaluations-table',
    what: 'evaluations',
    rowKey: (e) => e.evaluationId,
    columns: [
      {
        label: 'Evaluation',
        value: (e) => <a href={hrefOf(`/evaluations/${e.evaluationId}`, shared)}>{e.title}</a>,
      },
      { label: 'Evaluator', value: (e) => e.evaluator },
      { label: 'Commissioner', value: (e) => e.commissioner },
      { label: 'Commissioned', value: (e) => formatDay(e.commissionedAt) },
      { label: 'Data cuts', value: (e) => formatCount(e.dataCuts), numeric: true },
      { label: 'Findings', value: (e) => formatCount(e.findings), numeric: true },
      { label: 'Report published', value: (e) => formatDay(e.reportPublishedOn) },
    ],
  };
  return (
    <>
      <h1>Evaluations</h1>
      <SearchableList spec={spec} query={query} navigate={navigate} />
    </>
  );
}
