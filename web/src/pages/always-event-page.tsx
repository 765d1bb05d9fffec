import type { PdsaLearningRow, RegisterRow } from '../api/types';
import { boundsKey, useSession } from '../app/context';
import { formatDay } from '../app/dates';
import { formatCount, humanise } from '../app/format';
import { hrefOf, sharedParams } from '../app/route';
import { useResource } from '../app/use-resource';
import { DataTable } from '../components/data-table';
import { Await } from '../components/status';
import { MeasurePanel, PROFILE_NAMES, PROFILES } from './measure-panel';
import type { Profile } from './measure-panel';
import { DriverDiagramSection } from './driver-diagram-section';
import { PdsaChains } from './pdsa-chains';
import { AlwaysEventProgress } from './progress-section';

interface Props {
  id: string;
  query: URLSearchParams;
  navigate: (href: string) => void;
}

export function AlwaysEventPage({ id, query, navigate }: Props) {
  const { api, bounds } = useSession();
  const [entry, retry] = useResource(
    async () => {
      const [row, learning] = await Promise.all([
        api.get<RegisterRow>(`/v1/evaluation/always-events/${id}`, bounds),
        api.get<{ items: PdsaLearningRow[] }>('/v1/evaluation/pdsa-learning', { ...bounds, alwaysEvent: id }),
      ]);
      return { row, learning: learning.items[0] ?? null };
    },
    `${id}|${boundsKey(bounds)}`,
  );
  const profile: Profile = (PROFILES as readonly string[]).includes(query.get('profile') ?? '')
    ? (query.get('profile') as Profile)
    : 'mdc';

  return (
    <>
      <p class="breadcrumb">
        <a href={hrefOf('/always-events', sharedParams(query))}>Always Events register</a>
      </p>
      <Await resource={entry} retry={retry} what="this Always Event">
        {({ row, learning }) => (
          <>
            <h1>
              {row.organisation.name ?? row.organisation.odsCode}: {humanise(row.homeUnit.setting)}
            </h1>
            <p class="lead">
              {row.homeUnit.name} · {humanise(row.state)} · {row.organisation.region ?? 'Region not recorded'}
            </p>
            <Statement row={row} />
            <Team row={row} />
            <DriverDiagramSection id={id} />
            <AlwaysEventProgress id={id} />
            <section aria-labelledby="pdsa-heading">
              <h2 id="pdsa-heading">PDSA cycles</h2>
              <PdsaChains learning={learning} />
            </section>
            <section aria-labelledby="measures-heading">
              <h2 id="measures-heading">Measures</h2>
              <div class="field field--inline">
                <label for="profile">Rule profile</label>
                <select
                  id="profile"
                  value={profile}
                  onChange={(e) =>
                    navigate(
                      hrefOf(`/always-events/${id}`, {
                        ...sharedParams(query),
                        profile: (e.currentTarget as HTMLSelectElement).value,
                      }),
                    )
                  }
                >
                  {PROFILES.map((p) => (
                    <option key={p} value={p}>
                      {PROFILE_NAMES[p]}
                    </option>
                  ))}
                </select>
              </div>
              {row.measures.length === 0 ? (
                <p>No measure is linked to this Always Event yet.</p>
              ) : (
                row.measures.map((m) => (
                  <MeasurePanel
                    key={m.measureId}
                    measure={m}
                    profile={profile}
                    unitNames={unitNamesOf(row)}
                  />
                ))
              )}
            </section>
          </>
        )}
      </Await>
    </>
  );
}

/** The home unit and each scale-up unit by id, for labels. */
function unitNamesOf(row: RegisterRow): Record<string, string> {
  return Object.fromEntries([
    [row.homeUnit.unitId, row.homeUnit.name],
    ...row.scaleUpUnits.map((u) => [u.unitId, u.name]),
  ]);
}

function Statement({ row }: { row: RegisterRow }) {
  const statement = row.statement;
  return (
    <section aria-labelledby="statement-heading">
      <h2 id="statement-heading">Statement and aim</h2>
      {statement === null ? (
        <p>No statement has been agreed yet{row.theme ? ` (co-design is on “${row.theme}”)` : ''}.</p>
      ) : (
        <>
          <blockquote class="vision" data-testid="vision-statement">
            {statement.visionStatement}
          </blockquote>
          <dl class="facts">
            <dt>Aim</dt>
            <dd data-testid="aim">
              {statement.aim.population} {statement.aim.behaviourOrOutcome}
            </dd>
            <dt>Target</dt>
            <dd data-testid="aim-target">{statement.aim.targetPct}%</dd>
            <dt>{statement.aim.deadline ? 'By' : 'Reviewed'}</dt>
            <dd>
              {statement.aim.deadline
                ? formatDay(statement.aim.deadline)
                : humanise(statement.aim.reviewCadence)}
            </dd>
            <dt>Statement version</dt>
            <dd>
              {statement.version}, agreed {formatDay(row.keyDates.statementAgreed)}
            </dd>
            <dt>In whose words</dt>
            <dd>{humanise(statement.visionVoice)}</dd>
          </dl>
        </>
      )}
    </section>
  );
}

function Team({ row }: { row: RegisterRow }) {
  const categories = Object.entries(row.coDesignTeam.byCategory);
  return (
    <section aria-labelledby="team-heading">
      <h2 id="team-heading">Co-design team</h2>
      <DataTable
        caption={`${formatCount(row.coDesignTeam.members)} members, by category (no names are held here)`}
        testId="team-table"
        rows={categories}
        rowKey={([category]) => category}
        columns={[
          { label: 'Category', value: ([category]) => humanise(category) },
          { label: 'Members', value: ([, count]) => formatCount(count), numeric: true },
        ]}
      />
    </section>
  );
}
