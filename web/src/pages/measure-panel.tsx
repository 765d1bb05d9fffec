import { useState } from 'preact/hooks';
import type { MeasureChart, RegisterRow, SpcPoint } from '../api/types';
import { boundsKey, useSession } from '../app/context';
import { formatDay } from '../app/dates';
import { formatNumber, humanise } from '../app/format';
import { useResource } from '../app/use-resource';
import { isSpecialCause, pointLabel, VARIATION_LABELS } from '../charts/spc-labels';
import { ChartFigure } from '../components/chart-figure';
import { DataTable } from '../components/data-table';
import { SpcIcons } from '../components/spc-icons';
import { SpcImage } from '../components/spc-image';
import { VariationDot, VariationKey } from '../components/variation-key';
import { Await } from '../components/status';

export const PROFILES = ['mdc', 'ptd', 'ihi', 'qic'] as const;
export type Profile = (typeof PROFILES)[number];

export const PROFILE_NAMES: Record<Profile, string> = {
  mdc: 'Making Data Count rules (mdc)',
  ptd: 'NHSRplotthedots rules (ptd)',
  ihi: 'IHI run chart rules (ihi)',
  qic: 'qicharts2 rules (qic)',
};

const CHART_NAMES: Record<string, string> = {
  run: 'Run chart',
  xmr: 'XmR chart',
  p: 'p chart',
  pprime: 'Laney p′ chart',
  u: 'u chart',
  c: 'c chart',
};

type Measure = RegisterRow['measures'][number];

/** One measure's chart for one unit (the home unit first), under the page's rule profile. */
export function MeasurePanel({
  measure,
  profile,
  unitNames = {},
}: {
  measure: Measure;
  profile: Profile;
  /** Unit ids to the names people know them by. */
  unitNames?: Record<string, string>;
}) {
  const { api, bounds } = useSession();
  const units = measure.latest
    .map((l) => l.unitId)
    .sort((a, b) => (a === 'home' ? -1 : b === 'home' ? 1 : a.localeCompare(b)));
  const [unit, setUnit] = useState(units[0] ?? '');
  const [chart, retry] = useResource(
    () =>
      api.get<MeasureChart>(`/v1/measures/${measure.measureId}/chart`, {
        ...bounds,
        profile,
        unit: unit || undefined,
      }),
    `${measure.measureId}|${profile}|${unit}|${boundsKey(bounds)}`,
  );
  const title = `${measure.name ?? 'Measure'} (${humanise(measure.role)})`;
  return (
    <article class="measure" data-testid="measure" data-measure-id={measure.measureId}>
      <h3>{title}</h3>
      {units.length > 1 && (
        <div class="field field--inline">
          <label for={`unit-${measure.measureId}`}>Unit</label>
          <select
            id={`unit-${measure.measureId}`}
            value={unit}
            onChange={(e) => setUnit((e.currentTarget as HTMLSelectElement).value)}
          >
            {units.map((u) => (
              <option key={u} value={u}>
                {unitNames[u] ?? u}
              </option>
            ))}
          </select>
        </div>
      )}
      <Await resource={chart} retry={retry} what={`the chart of ${measure.name ?? 'this measure'}`}>
        {(data) =>
          data.chart === null ? <p>No measurements for this unit yet.</p> : <SpcFigure data={data} />
        }
      </Await>
    </article>
  );
}

function SpcFigure({ data }: { data: MeasureChart }) {
  const result = data.chart as NonNullable<MeasureChart['chart']>;
  const special = result.points.filter(isSpecialCause).length;
  const summary =
    `${result.chart.toUpperCase()} chart of ${result.points.length} ${data.frequency?.toLowerCase() ?? ''} periods ` +
    `for unit ${data.unitId}, ${result.profile} rules: ${special} special-cause point${special === 1 ? '' : 's'}`;
  return (
    <ChartFigure
      testId="spc-chart"
      title={`${CHART_NAMES[result.chart] ?? result.chart} under ${PROFILE_NAMES[result.profile as Profile] ?? result.profile}`}
      level={4}
      summary={summary}
      image={<SpcImage data={data} idPrefix={`spc-${data.measureId}-${data.unitId ?? 'none'}`} />}
      attributes={{ 'data-special-cause-points': special, 'data-profile': result.profile }}
      table={<PointsTable points={result.points} />}
    >
      <VariationKey />
      <SpcIcons variation={result.icons.variation} assurance={result.icons.assurance} />
      <Decisions data={data} />
      <Markers data={data} />
      <p class="hint">
        The same chart for reports: <code>{chartImagePath(data, 'svg')}</code> and{' '}
        <code>{chartImagePath(data, 'png')}</code> (with your credential).
      </p>
      {result.warnings.map((w) => (
        <p class="hint" key={w.code}>
          Note: {w.message}
        </p>
      ))}
    </ChartFigure>
  );
}

function PointsTable({ points }: { points: SpcPoint[] }) {
  return (
    <DataTable
      caption="Each period with its lines and variation"
      testId="spc-points"
      rows={points}
      rowKey={(p) => String(p.n)}
      columns={[
        { label: 'Period', value: pointLabel },
        { label: 'Value', value: (p) => formatNumber(p.y), numeric: true },
        { label: 'Centre', value: (p) => formatNumber(p.centre), numeric: true },
        { label: 'Lower limit', value: (p) => formatNumber(p.lower), numeric: true },
        { label: 'Upper limit', value: (p) => formatNumber(p.upper), numeric: true },
        { label: 'Phase', value: (p) => p.phase, numeric: true },
        { label: 'Rules', value: (p) => p.rules.join(', ') },
        {
          label: 'Variation',
          value: (p) => (
            <span
              data-variation={p.variation}
              data-special={isSpecialCause(p) ? 'yes' : 'no'}
              class="variation"
            >
              <VariationDot variation={p.variation} /> {VARIATION_LABELS[p.variation]}
            </span>
          ),
        },
      ]}
    />
  );
}

/** The API path of the chart's image, for the profile and unit shown. */
function chartImagePath(data: MeasureChart, format: 'svg' | 'png'): string {
  const unit = data.unitId ? `&unit=${encodeURIComponent(data.unitId)}` : '';
  return `/v1/measures/${data.measureId}/chart.${format}?profile=${data.chart?.profile ?? 'mdc'}${unit}`;
}

/** The recorded decisions on the limits, with their reasons: why the chart has its phases. */
function Decisions({ data }: { data: MeasureChart }) {
  if (data.limitDecisions.length === 0) return null;
  return (
    <ul class="markers" data-testid="limit-decisions">
      {data.limitDecisions.map((d) => (
        <li key={`${d.kind}-${d.period}`}>
          {d.kind === 'recalculation'
            ? `Limits recalculated from ${d.period} (decided ${formatDay(d.decidedAt.slice(0, 10))}): ${d.reason}`
            : `Baseline to ${d.period}: ${d.reason}`}
        </li>
      ))}
    </ul>
  );
}

/** PDSA starts and annotations, in words, beside the marks on the chart. */
function Markers({ data }: { data: MeasureChart }) {
  if (data.pdsaStarts.length === 0 && data.annotations.length === 0) return null;
  return (
    <ul class="markers">
      {data.pdsaStarts.map((s) => (
        <li key={`pdsa-${s.cycleNumber}-${s.startedOn}`}>
          PDSA cycle {s.cycleNumber} started {formatDay(s.startedOn)} (period {s.period}
          {s.n === null ? ', before the first measurement' : ''})
        </li>
      ))}
      {data.annotations.map((a, i) => (
        <li key={`note-${i}`}>
          Note {i + 1} ({a.period}): {a.text}
        </li>
      ))}
    </ul>
  );
}
