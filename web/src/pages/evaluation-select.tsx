import type { EvaluationRecord } from '../api/evaluation-types';
import type { CursorList } from '../api/programme-types';
import { boundsKey, useSession } from '../app/context';
import { formatDay } from '../app/dates';
import { useResource } from '../app/use-resource';
import { ChoiceSelect } from '../components/list-controls';

/** The API's largest page; the list follows its cursor for more. */
const LIMIT = '1000';
/** Pages followed at most: far beyond a programme's evaluations (one not among them can still be pasted by id). */
const MAX_PAGES = 10;

/** The evaluations at the bounds to choose from, latest commissioned first. */
export function EvaluationSelect({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { api, bounds } = useSession();
  const [evaluations] = useResource(async () => {
    const items: EvaluationRecord[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const list: CursorList<EvaluationRecord> = await api.get<CursorList<EvaluationRecord>>(
        '/v1/evaluations',
        { ...bounds, limit: LIMIT, ...(cursor ? { cursor } : {}) },
      );
      items.push(...list.items);
      cursor = list.page.nextCursor;
      if (cursor === null) break;
    }
    return items;
  }, boundsKey(bounds));
  const choices =
    evaluations.state === 'ready'
      ? evaluations.data.map((e) => ({
          value: e.evaluationId,
          label: `${e.title} (${e.evaluator}, ${formatDay(e.commissionedAt)})`,
        }))
      : [];
  const prompt =
    evaluations.state === 'loading'
      ? 'Loading the evaluations…'
      : evaluations.state === 'failed'
        ? 'The evaluations could not be listed: paste the id'
        : 'Choose one, or paste its id';
  return (
    <ChoiceSelect
      id="cut-evaluation"
      label="Evaluation"
      value={choices.some((c) => c.value === value) ? value : ''}
      choices={[{ value: '', label: prompt }, ...choices]}
      onChange={onChange}
    />
  );
}
