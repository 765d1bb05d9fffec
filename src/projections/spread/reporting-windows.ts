import { ProgrammeShape, SpreadState } from './spread-state';

/**
 * Where reports end (docs/analysts/programme-team.md, "Reporting windows"): a
 * programme's figures at its reporting window, else the day it closed; a
 * phase's at its own window, else the day the phase closed, but never after
 * the programme's (the programme's wins when it ends first). A reader asks
 * `window=none` for the figures to the date instead.
 */
export interface ReportingWindow {
  /** The window's first day, when it was given one: months ending before it expect no return. */
  startsOn: string | null;
  /** The day reports end on, when the programme has a window or closed. */
  endsOn: string | null;
  source: 'reporting-window' | 'programme-closed' | null;
  /** Whether this answer ends there (`window=none` asks for the figures to the date instead). */
  applied: boolean;
}

export interface PhaseWindow {
  phaseId: string;
  name: string;
  /** The phase window's first day: months ending before it are not counted. */
  startsOn: string | null;
  endsOn: string | null;
  /**
   * `reporting-window`: the phase's own window; `phase-closed`: the day it closed;
   * `programme`: the programme's window or close, which ends first (see `window`).
   */
  source: 'reporting-window' | 'phase-closed' | 'programme' | null;
  applied: boolean;
}

/** The programme's window and each phase's, as one answer reports them. */
export interface ReportWindows {
  window: ReportingWindow;
  phases: PhaseWindow[];
}

/** The days a participation's figures count within: from `from` (if any) to `to`. */
export interface ReportPeriod {
  from: string | null;
  to: string;
}

function programmeWindow(programme: ProgrammeShape | undefined, apply: boolean): ReportingWindow {
  const window = programme?.reportingWindow?.endsOn ?? null;
  const endsOn = window ?? programme?.closedOn ?? null;
  return {
    startsOn: programme?.reportingWindow?.startsOn ?? null,
    endsOn,
    source: window ? 'reporting-window' : endsOn ? 'programme-closed' : null,
    applied: apply && endsOn !== null,
  };
}

/** The programme's window and each phase's (in start order), the programme's capping every phase's. */
export function reportWindowsOf(state: SpreadState, programmeSlug: string, apply: boolean): ReportWindows {
  const programme = state.programmes[programmeSlug];
  const window = programmeWindow(programme, apply);
  const phases = Object.entries(programme?.phases ?? {})
    .sort(([a, p], [b, q]) => p.startDate.localeCompare(q.startDate) || a.localeCompare(b))
    .map(([phaseId, phase]): PhaseWindow => {
      const own = phase.reportingWindow?.endsOn ?? null;
      const phaseEnd = own ?? phase.closedOn ?? null;
      const programmeFirst = window.endsOn !== null && (phaseEnd === null || window.endsOn < phaseEnd);
      const endsOn = programmeFirst ? window.endsOn : phaseEnd;
      const startsOn = phase.reportingWindow?.startsOn ?? null;
      return {
        phaseId,
        name: phase.name,
        startsOn,
        endsOn,
        source: programmeFirst ? 'programme' : own ? 'reporting-window' : phaseEnd ? 'phase-closed' : null,
        applied: apply && (endsOn !== null || startsOn !== null),
      };
    });
  return { window, phases };
}

/** The date a report is computed at: the reporting date, or the window's end if that came first. */
export const reportEnd = (date: string, window: ReportingWindow): string =>
  window.applied && window.endsOn !== null && window.endsOn < date ? window.endsOn : date;

/** The later of two first days, either of which may be absent. */
const later = (a: string | null, b: string | null): string | null =>
  a === null ? b : b === null ? a : a > b ? a : b;

/**
 * Where the figures of a participation in `phaseId` (none: the programme's)
 * count on `date`: from the later of the phase's and the programme's window
 * starts, to the phase's end (which the programme's caps), else the programme's.
 */
export function periodOf(windows: ReportWindows, phaseId: string | null, date: string): ReportPeriod {
  const programmeFrom = windows.window.applied ? windows.window.startsOn : null;
  const phase = windows.phases.find((w) => w.phaseId === phaseId);
  if (!phase?.applied) return { from: programmeFrom, to: reportEnd(date, windows.window) };
  return {
    from: later(phase.startsOn, programmeFrom),
    to: phase.endsOn !== null && phase.endsOn < date ? phase.endsOn : date,
  };
}
