import type { Aim, CareUnit, ClosureReason } from '../../../../src/domain/always-event';
import type { MeasureFrequency } from '../../../../src/domain/measure';
import type { MeasureWording } from '../../data/setting-content';

/** How the outcome measure moves: from a baseline to a final level once a change is adopted. */
export interface Trajectory {
  /** False for Always Events whose changes do not move the outcome (some do not). */
  improves: boolean;
  baselinePct: number;
  finalPct: number;
  /** Typical denominator per period (people surveyed, requests logged...). */
  denominator: number;
}

/** Everything that decides one Always Event's simulated history. */
export interface AlwaysEventSpec {
  alwaysEventId: string;
  /** Names the PRNG fork and the ids of everything the Always Event owns. */
  label: string;
  programmeSlug: string;
  odsCode: string;
  initiatedOn: string;
  /** Nothing happens after this date (the end of the history, or the organisation's withdrawal). */
  endOn: string;
  /** Closed on `endOn` for this reason (e.g. the organisation withdrew); otherwise left to its fate. */
  closeAtEnd: ClosureReason | null;
  homeUnit: CareUnit;
  population: string;
  theme: string;
  heard: string;
  /** Themes also heard, not chosen. */
  otherThemes: readonly string[];
  vision: string;
  aim: Aim;
  outcome: MeasureWording & { frequency: MeasureFrequency; survey: boolean };
  process: MeasureWording & { frequency: MeasureFrequency };
  balancing: MeasureWording | null;
  changeIdeas: readonly string[];
  testers: readonly string[];
  scaleUpUnits: readonly CareUnit[];
  derivedFromAlwaysEventId: string | null;
  trajectory: Trajectory;
  /** Multiplies stage durations: below 1 for teams that moved fast. */
  pace: number;
  /** A published example (docs/architecture/improvement-method.md): kept on its published course. */
  caseStudy: string | null;
}

/** What the rest of the plan needs to know about an Always Event (monthly returns, lineage). */
export interface AlwaysEventFacts {
  alwaysEventId: string;
  odsCode: string;
  setting: string;
  initiatedOn: string;
  closedOn: string | null;
  /** Dates each measure was defined on (returns count the measures reported). */
  measuresDefinedOn: string[];
}
