import type { ChangeIdeaView, DriverDiagram, DriverView } from '../api/types';
import { boundsKey, useSession } from '../app/context';
import { formatDay } from '../app/dates';
import { humanise } from '../app/format';
import { useResource } from '../app/use-resource';
import { DataTable } from '../components/data-table';
import { Await } from '../components/status';

/**
 * The Always Event's driver diagram, drawn as a tree from left to right: the
 * aim, its primary drivers, their secondary drivers, and the change ideas
 * with each idea's PDSA chain, where it stands and the measures that show it.
 * At the page's bounds, like every figure: pick an earlier date to see the
 * diagram as it stood then. Levels are named in words, not only by colour.
 */
export function DriverDiagramSection({ id }: { id: string }) {
  const { api, bounds } = useSession();
  const [diagram, retry] = useResource(
    () => api.get<DriverDiagram>(`/v1/evaluation/always-events/${id}/driver-diagram`, bounds),
    `${id}|${boundsKey(bounds)}`,
  );
  return (
    <section aria-labelledby="driver-diagram-heading">
      <h2 id="driver-diagram-heading">Driver diagram</h2>
      <Await resource={diagram} retry={retry} what="the driver diagram">
        {(d) =>
          d.primaryDrivers.length === 0 && d.unplacedChangeIdeas.length === 0 ? (
            <p data-testid="driver-diagram-empty">No driver diagram has been drawn yet.</p>
          ) : (
            <>
              <div
                class="dd"
                data-testid="driver-diagram"
                role="group"
                aria-label="Driver diagram, left to right"
              >
                <div class="dd-node dd-aim" data-level="aim">
                  <span class="dd-level">Aim</span>
                  {d.aim
                    ? `${d.aim.population} ${d.aim.behaviourOrOutcome} (target ${d.aim.targetPct}%)`
                    : 'No aim agreed yet'}
                </div>
                <ul class="dd-branches" aria-label="Primary drivers">
                  {d.primaryDrivers.map((p) => (
                    <Driver key={p.driverId} driver={p} level="primary" />
                  ))}
                </ul>
              </div>
              {d.unplacedChangeIdeas.length > 0 && (
                <>
                  <h3>Change ideas not yet under a driver</h3>
                  <ul class="dd-ideas dd-ideas--loose">
                    {d.unplacedChangeIdeas.map((idea) => (
                      <ChangeIdea key={idea.changeIdeaId} idea={idea} />
                    ))}
                  </ul>
                </>
              )}
              <details class="figure-table">
                <summary>Show the diagram’s revisions</summary>
                <DataTable
                  caption="Every revision of the driver diagram, in date order"
                  testId="driver-diagram-revisions"
                  rows={d.revisions}
                  rowKey={(r, i) => `${i}-${r.itemId}`}
                  columns={[
                    { label: 'Date', value: (r) => formatDay(r.on) },
                    { label: 'Change', value: (r) => humanise(r.change) },
                    { label: 'Item', value: (r) => humanise(r.kind) },
                    { label: 'Wording or reason', value: (r) => r.text ?? r.reason ?? '' },
                  ]}
                />
              </details>
            </>
          )
        }
      </Await>
    </section>
  );
}

function Driver({ driver, level }: { driver: DriverView; level: 'primary' | 'secondary' }) {
  return (
    <li class="dd-branch">
      <div class={`dd-node dd-${level}`} data-level={level} data-id={driver.driverId}>
        <span class="dd-level">{level === 'primary' ? 'Primary driver' : 'Secondary driver'}</span>
        {driver.text}
      </div>
      {(driver.drivers.length > 0 || driver.changeIdeas.length > 0) && (
        <ul class="dd-branches" aria-label={`Under “${driver.text}”`}>
          {driver.drivers.map((child) => (
            <Driver key={child.driverId} driver={child} level="secondary" />
          ))}
          {driver.changeIdeas.map((idea) => (
            <ChangeIdea key={idea.changeIdeaId} idea={idea} />
          ))}
        </ul>
      )}
    </li>
  );
}

function ChangeIdea({ idea }: { idea: ChangeIdeaView }) {
  return (
    <li class="dd-branch">
      <div class="dd-node dd-idea" data-level="change-idea" data-id={idea.changeIdeaId}>
        <span class="dd-level">Change idea{idea.origin ? ` · ${humanise(idea.origin)}` : ''}</span>
        <span class="dd-text">{idea.text}</span>
        {idea.pdsaCycles.length > 0 ? (
          <ol class="dd-chain" aria-label="PDSA cycles">
            {idea.pdsaCycles.map((c) => (
              <li key={c.pdsaCycleId}>
                Cycle {c.cycleNumber}: {c.decision ? humanise(c.decision) : humanise(c.status)}
              </li>
            ))}
          </ol>
        ) : (
          <span class="hint">No PDSA cycle linked yet</span>
        )}
        <span class="dd-outcome" data-testid="change-idea-outcome">
          Where it stands: {idea.outcome ? humanise(idea.outcome) : 'no decision yet'}
        </span>
        {idea.unlinkedCycles.length > 0 && (
          <span class="hint">
            Also tested by cycle {idea.unlinkedCycles.map((c) => c.cycleNumber).join(', ')} (not linked)
          </span>
        )}
        {idea.measures.length > 0 && (
          <span class="dd-measures">
            Shown by: {idea.measures.map((m) => `${m.name ?? 'a measure'} (${humanise(m.role)})`).join('; ')}
          </span>
        )}
      </div>
    </li>
  );
}
