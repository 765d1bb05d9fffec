import { Aim, AlwaysEventState, CO_DESIGN_MEMBER_CATEGORIES } from '../../domain/always-event';
import { MeasureRole } from '../../domain/measure';
import { percent } from '../report-arithmetic';
import { AlwaysEventRecord, KeyDates, RegisterState } from './register-state';

export interface LatestValue {
  unitId: string;
  period: string;
  numerator: number;
  denominator: number;
  percent: number | null;
}

export interface RegisterRow {
  alwaysEventId: string;
  programmeSlug: string;
  organisation: { odsCode: string; name: string | null; regionCode: string | null; region: string | null };
  homeUnit: { unitId: string; name: string; setting: string };
  population: string | null;
  /** The area of focus: the "what matters" theme co-design started on. */
  theme: string | null;
  statement: { version: number; visionStatement: string; visionVoice: string | null; aim: Aim } | null;
  state: string;
  pausedIn: string | null;
  closureReason: string | null;
  coDesignTeam: { members: number; byCategory: Record<string, number> };
  measures: Array<{ measureId: string; name: string | null; role: MeasureRole; latest: LatestValue[] }>;
  scaleUpUnits: Array<{
    unitId: string;
    name: string;
    setting: string;
    plannedGoLive: string | null;
    goLiveDate: string | null;
    stoppedOn: string | null;
    status: 'planned' | 'live' | 'stopped';
  }>;
  lineage: {
    derivedFrom: { alwaysEventId: string; odsCode: string } | null;
    kind: string | null;
    /** Hops back to the original Always Event: 0 for an original, 1 for a direct adoption. */
    depth: number;
    rootAlwaysEventId: string;
  };
  keyDates: KeyDates;
  latestProgressScore: { period: string; score: number } | null;
  /** Gaps an evaluator should see at a glance once a statement is agreed (docs/analysts/read-models.md). */
  flags: string[];
}

/** Follows derivedFrom back as far as the state knows; a parent outside the state still counts as a hop. */
function lineageOf(state: RegisterState, aggregate: AlwaysEventState, alwaysEventId: string) {
  let depth = 0;
  let root = alwaysEventId;
  let parent = aggregate.derivedFrom;
  const seen = new Set([alwaysEventId]);
  while (parent && !seen.has(parent.alwaysEventId)) {
    depth++;
    root = parent.alwaysEventId;
    seen.add(root);
    parent = state.alwaysEvents[root]?.aggregate.derivedFrom ?? null;
  }
  const derivedFrom = aggregate.derivedFrom;
  return {
    derivedFrom: derivedFrom && { alwaysEventId: derivedFrom.alwaysEventId, odsCode: derivedFrom.odsCode },
    kind: derivedFrom?.lineage ?? null,
    depth,
    rootAlwaysEventId: root,
  };
}

function teamOf(aggregate: AlwaysEventState): RegisterRow['coDesignTeam'] {
  const byCategory: Record<string, number> = {};
  for (const category of CO_DESIGN_MEMBER_CATEGORIES) {
    const count = Object.values(aggregate.members).filter((c) => c === category).length;
    if (count > 0) byCategory[category] = count;
  }
  return { members: Object.keys(aggregate.members).length, byCategory };
}

/** The latest current period per unit: corrections applied, retractions removed (as the measure's own series). */
function measuresOf(state: RegisterState, entry: AlwaysEventRecord): RegisterRow['measures'] {
  return Object.entries(entry.aggregate.measures)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([measureId, role]) => {
      const measure = state.measures[measureId];
      // A measure not yet defined has no series (as seriesOf has none).
      const units = measure !== undefined && measure.name !== null ? Object.entries(measure.values) : [];
      const latest = units
        .flatMap(([unitId, byPeriod]) => {
          // Periods of one measure share a frequency, so their text sorts in time order.
          const period = Object.keys(byPeriod).sort().pop();
          if (period === undefined) return [];
          const [numerator, denominator] = byPeriod[period];
          return [{ unitId, period, numerator, denominator, percent: percent(numerator, denominator) }];
        })
        .sort((a, b) => a.unitId.localeCompare(b.unitId));
      return {
        measureId,
        name: measure?.name ?? entry.measureNames[measureId] ?? null,
        role,
        latest,
      };
    });
}

function flagsOf(aggregate: AlwaysEventState): string[] {
  if (aggregate.statement === null) return [];
  const roles = Object.values(aggregate.measures);
  const flags: string[] = [];
  if (aggregate.drafts[aggregate.statement.draftId]?.assessment?.allMet !== true)
    flags.push('statement-agreed-without-all-four-criteria');
  if (!roles.includes('Outcome')) flags.push('no-outcome-measure');
  if (!roles.includes('Process')) flags.push('no-process-measure');
  return flags;
}

function latestScore(aggregate: AlwaysEventState): RegisterRow['latestProgressScore'] {
  const period = Object.keys(aggregate.progressScores).sort().at(-1);
  return period === undefined ? null : { period, score: aggregate.progressScores[period] };
}

export function registerRow(state: RegisterState, entry: AlwaysEventRecord): RegisterRow | undefined {
  const { aggregate } = entry;
  if (aggregate.subject === null || aggregate.homeUnit === null) return undefined;
  const { alwaysEventId, programmeSlug, odsCode } = aggregate.subject;
  const organisation = state.organisations[odsCode];
  const statement = aggregate.statement;
  return {
    alwaysEventId,
    programmeSlug,
    organisation: {
      odsCode,
      name: organisation?.name ?? null,
      regionCode: organisation?.regionCode ?? null,
      region: organisation?.region ?? null,
    },
    homeUnit: { ...aggregate.homeUnit },
    population: aggregate.population,
    theme: aggregate.selectedThemeId === null ? null : (aggregate.themes[aggregate.selectedThemeId] ?? null),
    statement: statement && {
      version: statement.version,
      visionStatement: statement.visionStatement,
      visionVoice: entry.agreement?.visionVoice ?? null,
      aim: { ...statement.aim },
    },
    state: aggregate.phase,
    pausedIn: aggregate.pausedPhase,
    closureReason: aggregate.closure?.reason ?? null,
    coDesignTeam: teamOf(aggregate),
    measures: measuresOf(state, entry),
    // A go-live whose unit was added outside the bounds (a backfill dated earlier) names no unit yet.
    scaleUpUnits: Object.values(aggregate.units)
      .filter((u) => u.unitId !== undefined)
      .sort((a, b) => a.unitId.localeCompare(b.unitId))
      .map((u) => ({
        unitId: u.unitId,
        name: u.name,
        setting: u.setting,
        plannedGoLive: u.plannedGoLive,
        goLiveDate: u.goLiveDate,
        stoppedOn: u.stoppedOn,
        status: u.stoppedOn ? 'stopped' : u.goLiveDate ? 'live' : 'planned',
      })),
    lineage: lineageOf(state, aggregate, alwaysEventId),
    keyDates: { ...entry.dates },
    latestProgressScore: latestScore(aggregate),
    flags: flagsOf(aggregate),
  };
}

/** Every Always Event initiated within the state's bounds, by organisation, then initiation date, then id. */
export function registerRows(state: RegisterState): RegisterRow[] {
  return Object.values(state.alwaysEvents)
    .map((entry) => registerRow(state, entry))
    .filter((row): row is RegisterRow => row !== undefined)
    .sort(
      (a, b) =>
        a.organisation.odsCode.localeCompare(b.organisation.odsCode) ||
        (a.keyDates.initiated ?? '').localeCompare(b.keyDates.initiated ?? '') ||
        a.alwaysEventId.localeCompare(b.alwaysEventId),
    );
}

export interface RegisterFilters {
  setting?: string;
  state?: string;
  region?: string;
  organisation?: string;
  programme?: string;
}

/** Filters combine with AND; setting is the home unit's, region the organisation's region code. */
export function filterRegister(rows: readonly RegisterRow[], filters: RegisterFilters): RegisterRow[] {
  return rows.filter(
    (row) =>
      (filters.setting === undefined || row.homeUnit.setting === filters.setting) &&
      (filters.state === undefined || row.state === filters.state) &&
      (filters.region === undefined || row.organisation.regionCode === filters.region) &&
      (filters.organisation === undefined || row.organisation.odsCode === filters.organisation) &&
      (filters.programme === undefined || row.programmeSlug === filters.programme),
  );
}
