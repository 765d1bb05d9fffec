import type { CycleView, PdsaLearningRow } from '../api/types';
import { formatDay } from '../app/dates';
import { humanise } from '../app/format';
import { DataTable } from '../components/data-table';

/** Each change idea's cycles in order: what was predicted against what happened, and what was decided. */
export function PdsaChains({ learning }: { learning: PdsaLearningRow | null }) {
  if (learning === null || learning.changeIdeas.length === 0)
    return <p>No PDSA cycle has been planned yet.</p>;
  return (
    <div class="chains">
      {learning.changeIdeas.map((idea) => (
        <article class="chain" key={idea.changeIdeaId} data-testid="pdsa-chain">
          <h3>{idea.description ?? 'Change idea'}</h3>
          <p class="hint">
            Origin: {humanise(idea.origin)} · where it stands:{' '}
            {idea.latestDecision ? humanise(idea.latestDecision) : 'no decision yet'}
          </p>
          <ol class="cycles">
            {idea.cycles.map((cycle) => (
              <Cycle key={cycle.pdsaCycleId} cycle={cycle} />
            ))}
          </ol>
        </article>
      ))}
    </div>
  );
}

function Cycle({ cycle }: { cycle: CycleView }) {
  return (
    <li class="cycle">
      <h4>
        Cycle {cycle.cycleNumber}: {cycle.objective ?? 'no objective recorded'}
      </h4>
      <p class="hint">
        {humanise(cycle.status)} · planned {formatDay(cycle.dates.planned)} · started{' '}
        {formatDay(cycle.dates.started)} · completed {formatDay(cycle.dates.completed)}
      </p>
      <DataTable
        caption="Predictions against results"
        rows={cycle.predictions}
        rowKey={(p, i) => `${i}-${p.prediction}`}
        columns={[
          { label: 'Prediction', value: (p) => p.prediction },
          { label: 'Result', value: (p) => (p.outcome ? humanise(p.outcome) : 'Not studied yet') },
          { label: 'Note', value: (p) => p.note ?? '' },
        ]}
      />
      <dl class="facts">
        <dt>Learning</dt>
        <dd>{cycle.learning ?? '—'}</dd>
        <dt>Decision</dt>
        <dd data-testid="pdsa-decision">{cycle.decision ? humanise(cycle.decision) : 'None yet'}</dd>
        {cycle.nextSteps && (
          <>
            <dt>Next steps</dt>
            <dd>{cycle.nextSteps}</dd>
          </>
        )}
      </dl>
    </li>
  );
}
