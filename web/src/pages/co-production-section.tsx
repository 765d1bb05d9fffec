import type { CoProduction } from '../api/types';
import { boundsKey, useSession } from '../app/context';
import { formatDay } from '../app/dates';
import { formatCount, formatPercent } from '../app/format';
import { useResource } from '../app/use-resource';
import { coProductionOption } from '../charts/evaluation-options';
import { ChartFigure } from '../components/chart-figure';
import { DataTable } from '../components/data-table';
import { Await } from '../components/status';
import { Tile } from '../components/tile';

/** The pioneer sites aimed for patients and carers to be at least half of each co-design team. */
const PIONEER_AIM_PERCENT = 50;

export function CoProductionSection() {
  const { api, bounds } = useSession();
  const [data, retry] = useResource(
    () => api.get<CoProduction>('/v1/evaluation/co-production', { ...bounds, limit: '1000' }),
    boundsKey(bounds),
  );
  return (
    <section aria-labelledby="co-production-heading">
      <h2 id="co-production-heading">Co-production index</h2>
      <Await resource={data} retry={retry} what="the co-production index">
        {({ overall, items }) => (
          <>
            <div class="tiles">
              <Tile
                testId="tile-patient-share"
                label="Patients and carers in co-design teams (mean share at agreement)"
                value={formatPercent(overall.meanPatientCarerSharePercent)}
                detail={`${formatCount(overall.agreedMeetingPioneerAim)} of ${formatCount(overall.agreed)} agreed teams at the pioneers' ${PIONEER_AIM_PERCENT}%`}
              />
              <Tile
                testId="tile-co-designed-ideas"
                label="Change ideas from co-design or patients"
                value={formatPercent(overall.changeIdeas.coDesignedPercent)}
                detail={`${formatCount(overall.changeIdeas.coDesigned)} of ${formatCount(overall.changeIdeas.total)} ideas`}
              />
              <Tile
                testId="tile-listening"
                label="Patients and carers heard in listening"
                value={formatCount(overall.listening.patientsAndCarers)}
                detail={`with ${formatCount(overall.listening.staff)} staff and ${formatCount(overall.listening.others)} others, in ${formatCount(overall.listening.activities)} activities`}
              />
            </div>
            <ChartFigure
              testId="co-production"
              title="Patient and carer share of each co-design team"
              summary={`${formatCount(overall.agreed)} teams at agreement; mean ${formatPercent(overall.meanPatientCarerSharePercent)} against the pioneers' aim of ${PIONEER_AIM_PERCENT}%`}
              option={coProductionOption(items, PIONEER_AIM_PERCENT)}
              table={
                <DataTable
                  caption="Co-production by Always Event"
                  rows={items}
                  rowKey={(r) => r.alwaysEventId}
                  columns={[
                    { label: 'Organisation', value: (r) => r.organisationName ?? r.odsCode },
                    { label: 'Home unit', value: (r) => r.homeUnitName ?? '—' },
                    { label: 'Agreed', value: (r) => formatDay(r.agreedOn) },
                    {
                      label: 'Patient and carer share',
                      value: (r) => formatPercent(r.patientCarerSharePercent),
                      numeric: true,
                    },
                    {
                      label: 'Co-designed ideas',
                      value: (r) => `${r.changeIdeas.coDesigned} of ${r.changeIdeas.total}`,
                      numeric: true,
                    },
                    {
                      label: 'Patients and carers heard',
                      value: (r) => formatCount(r.listening.patientsAndCarers),
                      numeric: true,
                    },
                  ]}
                />
              }
            />
          </>
        )}
      </Await>
    </section>
  );
}
