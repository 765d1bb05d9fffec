import { REGISTER_SNAPSHOT } from '../../trust-register/trust-register';
import { daysBetween, monthEnd, nextMonth, percent } from '../report-arithmetic';
import { enrolmentsOn, isEnrolledOn, nhsTrustsOpenOn, participationsOf, valueOn } from './spread-figures';
import { periodOf, ReportWindows } from './reporting-windows';
import { ParticipationFacts, SpreadState } from './spread-state';

export interface SpreadSummary {
  programme: string;
  date: string;
  enrolled: number;
  enrolledWithSeniorSupport: number;
  target: {
    threshold: number;
    deadline: string;
    metric: string;
    source: string;
    denominatorDefinition: string;
  } | null;
  /** Days from the date to the deadline: positive = days left, negative = days overdue. */
  daysToDeadline: number | null;
  targetMet: boolean | null;
  nhsTrusts: {
    openOnDate: number;
    enrolledWithSeniorSupport: number;
    sharePercent: number | null;
    register: string;
  };
}

/** A participation counted in a figure (all, or one phase's). */
export type Included = (p: ParticipationFacts) => boolean;

export function spreadSummary(
  state: SpreadState,
  programmeSlug: string,
  date: string,
  include?: Included,
): SpreadSummary {
  const programme = state.programmes[programmeSlug];
  const counts = enrolmentsOn(state, programmeSlug, date, include);
  const open = new Set(nhsTrustsOpenOn(state, date));
  const trustsSupported = [...counts.enrolledWithSeniorSupport].filter((ods) => open.has(ods)).length;
  const target = programme?.target ?? null;
  return {
    programme: programmeSlug,
    date,
    enrolled: counts.enrolled.size,
    enrolledWithSeniorSupport: counts.enrolledWithSeniorSupport.size,
    target: target && {
      threshold: target.threshold,
      deadline: target.deadline,
      metric: target.metric,
      source: target.source,
      denominatorDefinition: target.denominatorDefinition,
    },
    daysToDeadline: target ? daysBetween(date, target.deadline) : null,
    targetMet: target ? counts.enrolledWithSeniorSupport.size >= target.threshold : null,
    nhsTrusts: {
      openOnDate: open.size,
      enrolledWithSeniorSupport: trustsSupported,
      sharePercent: percent(trustsSupported, open.size),
      register: REGISTER_SNAPSHOT,
    },
  };
}

export interface TimelineRow {
  month: string;
  date: string;
  enrolled: number;
  enrolledWithSeniorSupport: number;
  nhsTrustsOpen: number;
  nhsTrustsEnrolledWithSeniorSupport: number;
  sharePercent: number | null;
  targetThreshold: number | null;
}

/**
 * Month by month from the first enrolment to the date (the last row is the
 * date itself); with `include`, of those participations only (one phase's).
 */
export function spreadTimeline(
  state: SpreadState,
  programmeSlug: string,
  date: string,
  include: Included = () => true,
): TimelineRow[] {
  const starts = participationsOf(state, programmeSlug)
    .filter(include)
    .map((p) => p.enrolledOn)
    .filter((d): d is string => d !== null && d <= date)
    .sort();
  if (starts.length === 0) return [];
  const rows: TimelineRow[] = [];
  const threshold = state.programmes[programmeSlug]?.target?.threshold ?? null;
  for (let month = starts[0].slice(0, 7); month <= date.slice(0, 7); month = nextMonth(month)) {
    const at = monthEnd(month) < date ? monthEnd(month) : date;
    const summary = spreadSummary(state, programmeSlug, at, include);
    rows.push({
      month,
      date: at,
      enrolled: summary.enrolled,
      enrolledWithSeniorSupport: summary.enrolledWithSeniorSupport,
      nhsTrustsOpen: summary.nhsTrusts.openOnDate,
      nhsTrustsEnrolledWithSeniorSupport: summary.nhsTrusts.enrolledWithSeniorSupport,
      sharePercent: summary.nhsTrusts.sharePercent,
      targetThreshold: threshold,
    });
  }
  return rows;
}

export const BREAKDOWNS = ['region', 'organisationType', 'cohort', 'phase', 'setting'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export interface BreakdownRow {
  key: string;
  label: string;
  enrolled: number;
  enrolledWithSeniorSupport: number;
  /** For region and organisation type: NHS trusts open in the group on the date, and the share enrolled with senior support. */
  nhsTrustsOpen: number | null;
  sharePercent: number | null;
}

const NONE = '(none)';

/** The groups a participation falls in (an organisation with Always Events in two settings is in both). */
function groupsOf(
  state: SpreadState,
  p: ParticipationFacts,
  by: Breakdown,
  date: string,
): Array<[string, string]> {
  const organisation = state.organisations[p.odsCode];
  const programme = state.programmes[p.programmeSlug];
  switch (by) {
    case 'region':
      return [[organisation?.regionCode ?? NONE, organisation?.region ?? 'Unregistered']];
    case 'organisationType':
      return [[organisation?.type ?? NONE, organisation?.type ?? 'Unregistered']];
    case 'cohort':
      return [[p.cohortId ?? NONE, (p.cohortId && programme?.cohorts[p.cohortId]?.name) || 'No cohort']];
    case 'phase':
      return [[p.phaseId ?? NONE, (p.phaseId && programme?.phases[p.phaseId]?.name) || 'No phase']];
    case 'setting': {
      const settings = new Set(
        Object.values(state.alwaysEvents)
          .filter(
            (ae) =>
              ae.odsCode === p.odsCode && ae.programmeSlug === p.programmeSlug && ae.initiatedOn <= date,
          )
          .map((ae) => ae.setting),
      );
      return settings.size === 0 ? [[NONE, 'No Always Event yet']] : [...settings].sort().map((s) => [s, s]);
    }
  }
}

export function spreadBreakdown(
  state: SpreadState,
  programmeSlug: string,
  date: string,
  by: Breakdown,
  /** By phase, each phase's figures end at its own window (reporting-windows.ts). */
  windows?: ReportWindows,
): BreakdownRow[] {
  const dateOf = (p: ParticipationFacts): string =>
    by === 'phase' && windows ? periodOf(windows, p.phaseId, date).to : date;
  const groups = new Map<string, { label: string; at: string; members: ParticipationFacts[] }>();
  for (const p of participationsOf(state, programmeSlug)) {
    const at = dateOf(p);
    if (!isEnrolledOn(p, at)) continue;
    for (const [key, label] of groupsOf(state, p, by, at)) {
      const group = groups.get(key) ?? { label, at, members: [] };
      group.members.push(p);
      groups.set(key, group);
    }
  }
  const open = nhsTrustsOpenOn(state, date);
  const trustGroups = by === 'region' || by === 'organisationType';
  const attributeOf = (ods: string): string | undefined =>
    by === 'region' ? state.organisations[ods]?.regionCode : state.organisations[ods]?.type;
  return [...groups.entries()]
    .map(([key, { label, at, members }]) => {
      const counts = enrolmentsOn(state, programmeSlug, at, (p) => members.includes(p));
      const openInGroup = trustGroups ? open.filter((ods) => attributeOf(ods) === key) : [];
      const supportedTrusts = [...counts.enrolledWithSeniorSupport].filter((ods) =>
        openInGroup.includes(ods),
      ).length;
      return {
        key,
        label,
        enrolled: counts.enrolled.size,
        enrolledWithSeniorSupport: counts.enrolledWithSeniorSupport.size,
        nhsTrustsOpen: trustGroups ? openInGroup.length : null,
        sharePercent: trustGroups ? percent(supportedTrusts, openInGroup.length) : null,
      };
    })
    .sort((a, b) => b.enrolled - a.enrolled || a.key.localeCompare(b.key));
}

export interface ReturnComplianceRow {
  odsCode: string;
  name: string;
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: number;
  compliancePercent: number | null;
}

/**
 * Monthly returns are due by the end of the following month, for every month
 * the organisation was enrolled (not paused) at its end, from its enrolment
 * month to the last month already due on the date. With `windows`, only months
 * ending inside the window of the organisation's phase (else the programme's)
 * are expected.
 */
export function returnCompliance(
  state: SpreadState,
  programmeSlug: string,
  date: string,
  windows?: ReportWindows,
): ReturnComplianceRow[] {
  const rows: ReturnComplianceRow[] = [];
  for (const p of participationsOf(state, programmeSlug)) {
    if (p.enrolledOn === null || p.enrolledOn > date) continue;
    const period = windows ? periodOf(windows, p.phaseId, date) : { from: null, to: date };
    const row: ReturnComplianceRow = {
      odsCode: p.odsCode,
      name: state.organisations[p.odsCode]?.name ?? p.odsCode,
      expected: 0,
      submitted: 0,
      onTime: 0,
      late: 0,
      missing: 0,
      compliancePercent: null,
    };
    for (
      let month = p.enrolledOn.slice(0, 7);
      monthEnd(nextMonth(month)) < date && monthEnd(month) <= period.to;
      month = nextMonth(month)
    ) {
      if (period.from !== null && monthEnd(month) < period.from) continue;
      if (valueOn(p.statusHistory, monthEnd(month)) !== 'enrolled') continue;
      row.expected++;
      const submittedOn = p.returns[month];
      if (submittedOn === undefined || submittedOn > date) row.missing++;
      else if (submittedOn <= monthEnd(nextMonth(month))) row.onTime++;
      else row.late++;
    }
    row.submitted = row.onTime + row.late;
    row.compliancePercent = percent(row.onTime, row.expected);
    rows.push(row);
  }
  return rows.sort((a, b) => a.odsCode.localeCompare(b.odsCode));
}

export interface ComplianceTotals {
  expected: number;
  onTime: number;
  late: number;
  missing: number;
  compliancePercent: number | null;
}

/** The programme's return compliance: every organisation's returns summed, on time ÷ expected to one decimal. */
export function complianceTotals(rows: readonly ReturnComplianceRow[]): ComplianceTotals {
  const totals = { expected: 0, onTime: 0, late: 0, missing: 0 };
  for (const r of rows) {
    totals.expected += r.expected;
    totals.onTime += r.onTime;
    totals.late += r.late;
    totals.missing += r.missing;
  }
  return {
    ...totals,
    compliancePercent: totals.expected ? Math.round((totals.onTime / totals.expected) * 1000) / 10 : null,
  };
}
