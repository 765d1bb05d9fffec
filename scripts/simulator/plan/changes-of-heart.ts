import type { StepBackReason } from '../../../src/domain/participation';
import { CASE_STUDY_ENROLMENTS } from '../data/case-studies';
import { CHANGES_OF_HEART } from '../data/enrolment-waves';
import { SIMULATION_END } from '../data/programme-shape';
import { addDays } from '../dates';
import { Prng } from '../prng';
import { dayBetween, OrganisationPlan } from './organisations';

/** What happens to an organisation's participation after it enrols. */
export interface ParticipationChanges {
  withdrawal: { on: string; reason: StepBackReason } | null;
  vacancy: { on: string; refilledOn: string | null } | null;
  belowBoard: { on: string; boardLevelOn: string | null } | null;
  pause: { from: string; to: string } | null;
}

const NONE: ParticipationChanges = { withdrawal: null, vacancy: null, belowBoard: null, pause: null };
const before = (day: string | null): string | null => (day !== null && day < SIMULATION_END ? day : null);

/**
 * Assigns each change of heart (data/enrolment-waves.ts) to one organisation
 * enrolled at least six months before it, never a case-study trust, at most
 * one change each. A change with no such organisation (small scales) is dropped.
 */
export function assignChanges(
  prng: Prng,
  organisations: readonly OrganisationPlan[],
): Map<string, ParticipationChanges> {
  const changes = new Map<string, ParticipationChanges>();
  const protectedCodes = new Set(CASE_STUDY_ENROLMENTS.map((c) => c.odsCode));
  const pickFor = (label: string, from: string, to: string): [string, string] | null => {
    const rng = prng.fork(label);
    const on = dayBetween(rng, from, to);
    const candidates = organisations.filter(
      (o) => !protectedCodes.has(o.odsCode) && !changes.has(o.odsCode) && addDays(o.enrolledOn, 180) <= on,
    );
    return candidates.length === 0 ? null : [rng.pick(candidates).odsCode, on];
  };
  CHANGES_OF_HEART.withdrawals.forEach((w, i) => {
    const picked = pickFor(`withdrawal/${i}`, w.from, w.to);
    if (picked) changes.set(picked[0], { ...NONE, withdrawal: { on: picked[1], reason: w.reason } });
  });
  CHANGES_OF_HEART.sponsorVacancies.forEach((v, i) => {
    const picked = pickFor(`vacancy/${i}`, v.from, v.to);
    const refilledOn =
      picked && v.refilledAfterDays !== null ? before(addDays(picked[1], v.refilledAfterDays)) : null;
    if (picked) changes.set(picked[0], { ...NONE, vacancy: { on: picked[1], refilledOn } });
  });
  CHANGES_OF_HEART.sponsorsBelowBoard.forEach((b, i) => {
    const picked = pickFor(`below-board/${i}`, b.from, b.to);
    const boardLevelOn = picked ? before(addDays(picked[1], b.boardLevelAfterDays)) : null;
    if (picked) changes.set(picked[0], { ...NONE, belowBoard: { on: picked[1], boardLevelOn } });
  });
  CHANGES_OF_HEART.pauses.forEach((p, i) => {
    const picked = pickFor(`pause/${i}`, p.from, p.to);
    if (picked)
      changes.set(picked[0], { ...NONE, pause: { from: picked[1], to: addDays(picked[1], p.days) } });
  });
  return changes;
}

export const noChanges = (): ParticipationChanges => NONE;

/** The last day the organisation takes part: the day before it withdraws, or the end of the history. */
export const lastDayOf = (changes: ParticipationChanges): string =>
  changes.withdrawal ? addDays(changes.withdrawal.on, -1) : SIMULATION_END;
