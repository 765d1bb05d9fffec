import type { ChartImageData } from '../chart-images';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../shared/clock';
import { EVENT_STORE } from '../event-store/port';
import type { EventStore } from '../event-store/port';
import { readModelChecksums } from '../history/data-cut-checksums';
import { Bounds, reportingDate } from '../shared/bounds';
import { ReadModelReader } from '../projections/http/read-model-reader';
import {
  ALWAYS_EVENT_REGISTER,
  alwaysEventRegisterProjection,
} from '../projections/evaluation/always-event-register.projection';
import { registerRows } from '../projections/evaluation/register-rows';
import { RegisterState } from '../projections/evaluation/register-state';
import { EvaluationRecordsState } from '../projections/evaluations/evaluation-records.projection';
import { ReadModelQuery } from '../projections/http/read-model-query';
import { measureChart } from '../projections/measures/measure-chart';
import { MeasuresState, measuresProjection } from '../projections/measures/measures.projection';
import {
  BreakdownRow,
  ComplianceTotals,
  complianceTotals,
  returnCompliance,
  spreadBreakdown,
  spreadSummary,
  SpreadSummary,
  spreadTimeline,
  TimelineRow,
} from '../projections/spread/spread-reports';
import {
  PhaseWindow,
  reportEnd,
  ReportingWindow,
  reportWindowsOf,
} from '../projections/spread/reporting-windows';
import { SpreadState } from '../projections/spread/spread-state';
import { spreadProjection } from '../projections/spread/spread.projection';
import { Projection } from '../projections/runner/projection';
import { canonicalJson, sha256Hex } from '../shared/canonical-json';

export const PACK_BREAKDOWNS = ['region', 'organisationType', 'cohort', 'phase'] as const;

export interface PackAlwaysEvent {
  alwaysEventId: string;
  odsCode: string;
  organisation: string | null;
  vision: string | null;
  state: string;
  latestProgressScore: { period: string; score: number } | null;
  charts: Array<{
    measureId: string;
    name: string | null;
    role: string;
    unitId: string | null;
    targetPct: number | null;
    points: Array<{
      period: string;
      y: number | null;
      centre: number | null;
      lower: number | null;
      upper: number | null;
      variation: string;
    }>;
    icons: { variation: string | null; assurance: string | null };
  }>;
}

/** Everything a board pack shows, computed once for both the PDF and the spreadsheet. */
export interface ProgrammeReport {
  programme: { slug: string; name: string | null };
  bounds: { asOf: string | null; asKnownAt: string | null };
  date: string;
  window: ReportingWindow;
  /** Where each phase's figures (the phase breakdown, its organisations' compliance) end. */
  phaseWindows: PhaseWindow[];
  generated: { at: string; by: string };
  source: {
    dataCutId: string | null;
    globalPosition: number;
    checksums: Record<string, string>;
    /** SHA-256 over the read-model checksums: one figure to quote. */
    checksum: string;
  };
  summary: SpreadSummary;
  compliance: ComplianceTotals;
  timeline: TimelineRow[];
  breakdowns: Record<(typeof PACK_BREAKDOWNS)[number], BreakdownRow[]>;
  alwaysEvents: PackAlwaysEvent[];
}

const PACK_MODELS: readonly Projection[] = [
  spreadProjection as Projection,
  alwaysEventRegisterProjection as Projection,
  measuresProjection as Projection,
];

/**
 * The board pack's figures for bounds, from the same read models and report
 * functions the API serves (so the pack and the API agree for the same
 * bounds), with the checksums of those read models at those bounds, as a
 * data cut records them. Given a recorded data cut, its bounds are used and
 * its id is quoted.
 */
/**
 * Each chart of the pack with everything the Making Data Count renderer draws
 * (phases and their reasons, annotations, PDSA starts), by `alwaysEventId/measureId`.
 * The PDF draws from it; the JSON answer keeps the plain points.
 */
export type ChartImages = Map<string, ChartImageData>;

@Injectable()
export class ProgrammeReportService {
  constructor(
    private readonly reader: ReadModelReader,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async build(options: {
    programme: string;
    query: ReadModelQuery;
    bounds: Bounds;
    dataCutId: string | null;
    alwaysEventIds: string[] | null;
    by: string;
  }): Promise<{ report: ProgrammeReport; images: ChartImages }> {
    const { programme, query } = options;
    const [spread, register, measures] = await Promise.all([
      this.reader.read<SpreadState>('spread', query),
      this.reader.read<RegisterState>(ALWAYS_EVENT_REGISTER, query),
      this.reader.read<MeasuresState>('measures', query),
    ]);
    const date = reportingDate(spread.bounds, this.clock.now());
    const windows = reportWindowsOf(spread.state, programme, true);
    const { window } = windows;
    const end = reportEnd(date, window);
    const rows = returnCompliance(spread.state, programme, date, windows);
    const cut = await readModelChecksums(this.store, PACK_MODELS, options.bounds);
    const selected = registerRows(register.state)
      .filter((r) => r.programmeSlug === programme)
      .filter((r) =>
        options.alwaysEventIds
          ? options.alwaysEventIds.includes(r.alwaysEventId)
          : r.measures.some((m) => m.latest.length > 0),
      )
      .slice(0, options.alwaysEventIds ? 20 : 3);
    const images: ChartImages = new Map();
    const report: ProgrammeReport = {
      programme: { slug: programme, name: spread.state.programmes[programme]?.name ?? null },
      bounds: { asOf: spread.bounds.asOf ?? null, asKnownAt: spread.bounds.asKnownAt ?? null },
      date: end,
      window,
      phaseWindows: windows.phases,
      generated: { at: this.clock.now().toISOString(), by: options.by },
      source: {
        dataCutId: options.dataCutId,
        globalPosition: cut.globalPosition,
        checksums: cut.checksums,
        checksum: sha256Hex(canonicalJson(cut.checksums)),
      },
      summary: spreadSummary(spread.state, programme, end),
      compliance: complianceTotals(rows),
      timeline: spreadTimeline(spread.state, programme, end),
      breakdowns: Object.fromEntries(
        PACK_BREAKDOWNS.map((by) => [by, spreadBreakdown(spread.state, programme, end, by, windows)]),
      ) as ProgrammeReport['breakdowns'],
      alwaysEvents: selected.map((r) => ({
        alwaysEventId: r.alwaysEventId,
        odsCode: r.organisation.odsCode,
        organisation: r.organisation.name,
        vision: r.statement?.visionStatement ?? null,
        state: r.state,
        latestProgressScore: r.latestProgressScore,
        charts: r.measures.flatMap((m) => {
          const outcome = measureChart(measures.state, m.measureId, {
            profile: 'mdc',
            unitId: r.homeUnit.unitId,
          });
          if (outcome.kind !== 'chart' || outcome.body.chart === null) return [];
          const chart = outcome.body.chart;
          images.set(`${r.alwaysEventId}/${m.measureId}`, outcome.body);
          return [
            {
              measureId: m.measureId,
              name: m.name,
              role: m.role,
              unitId: outcome.body.unitId,
              targetPct: outcome.body.targetPct,
              points: chart.points.map((p) => ({
                period: p.date ?? String(p.n),
                y: p.y,
                centre: p.centre,
                lower: p.lower,
                upper: p.upper,
                variation: p.variation,
              })),
              icons: chart.icons,
            },
          ];
        }),
      })),
    };
    return { report, images };
  }

  /** The bounds and id of a recorded data cut. */
  async dataCut(dataCutId: string): Promise<{ asOf: string; asKnownAt: string } | undefined> {
    const records = await this.reader.read<EvaluationRecordsState>('evaluation-records', {});
    const cut = records.state.dataCuts[dataCutId];
    return cut && { asOf: cut.asOf, asKnownAt: cut.asKnownAt };
  }
}
