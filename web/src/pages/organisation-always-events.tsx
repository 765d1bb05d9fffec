import type { OrganisationAlwaysEvent } from '../api/programme-types';
import { useSession } from '../app/context';
import { formatDay } from '../app/dates';
import { humanise } from '../app/format';
import { hrefOf, sharedParams } from '../app/route';
import { DataTable } from '../components/data-table';
import { DownloadButton } from '../components/download-button';
import { MeasurePanel } from './measure-panel';

/** The organisation's Always Events, each with its phase and latest progress score, opening its own page. */
export function OrganisationAlwaysEvents({
  alwaysEvents,
  query,
}: {
  alwaysEvents: OrganisationAlwaysEvent[];
  query: URLSearchParams;
}) {
  return (
    <section aria-labelledby="organisation-events-heading">
      <h2 id="organisation-events-heading">Always Events</h2>
      <DataTable
        caption="Always Events at this organisation"
        testId="organisation-always-events"
        rows={alwaysEvents}
        rowKey={(a) => a.alwaysEventId}
        columns={[
          {
            label: 'Unit',
            value: (a) => (
              <a href={hrefOf(`/always-events/${a.alwaysEventId}`, sharedParams(query))}>
                {a.unit.name} ({humanise(a.unit.setting)})
              </a>
            ),
          },
          { label: 'Phase', value: (a) => humanise(a.state) },
          {
            label: 'Latest progress score',
            value: (a) =>
              a.latestProgressScore
                ? `${a.latestProgressScore.score} (${a.latestProgressScore.period})`
                : '—',
          },
          { label: 'Vision statement', value: (a) => a.vision ?? a.theme ?? '—' },
          { label: 'Initiated', value: (a) => formatDay(a.keyDates.initiated) },
        ]}
      />
    </section>
  );
}

/** Every measure of the organisation's Always Events: its chart (the service's drawing) and the SVG to save. */
export function OrganisationMeasures({ alwaysEvents }: { alwaysEvents: OrganisationAlwaysEvent[] }) {
  const { bounds } = useSession();
  const measures = alwaysEvents.flatMap((a) => a.measures.map((m) => ({ ...m, unit: a.unit.name })));
  return (
    <section aria-labelledby="organisation-measures-heading">
      <h2 id="organisation-measures-heading">Measures</h2>
      {measures.length === 0 ? (
        <p>No measure is linked to this organisation's Always Events yet.</p>
      ) : (
        measures.map((m) => (
          <div key={m.measureId} class="organisation-measure">
            <MeasurePanel measure={m} profile="mdc" />
            <DownloadButton
              path={`/v1/measures/${m.measureId}/chart.svg`}
              params={bounds}
              accept="image/svg+xml"
              fileName={`measure-${m.measureId}.svg`}
              what="the chart image"
            >
              Download chart (SVG)<span class="visually-hidden"> of {m.name ?? m.measureId}</span>
            </DownloadButton>
          </div>
        ))
      )}
    </section>
  );
}
