import type { OrganisationType, RegionCode } from '../../../src/domain/organisation';
import type { TrustRecord } from '../../../src/trust-register/trust-register';
import { CASE_STUDY_ENROLMENTS } from '../data/case-studies';
import { ENROLMENT_WAVES, EnrolmentWave } from '../data/enrolment-waves';
import { PRACTICE_CODE_LETTERS, PRACTICE_NAME_STEMS, PRACTICE_NAME_SUFFIXES } from '../data/people';
import { addDays, daysBetween } from '../dates';
import { Prng } from '../prng';

/** An organisation that takes part, and when it enrols. */
export interface OrganisationPlan {
  odsCode: string;
  name: string;
  type: OrganisationType;
  regionCode: RegionCode;
  /** Set for organisations the simulator registers itself (GP practices; the register holds trusts). */
  registration: { openDate: string } | null;
  wave: EnrolmentWave;
  enrolledOn: string;
}

/** Trusts that can take part: in England, not ambulance services (no Always Events source names one). */
function eligible(trust: TrustRecord): boolean {
  return trust.regionCode !== 'W00' && trust.type !== 'AmbulanceTrust';
}

const openOn = (trust: TrustRecord, day: string): boolean =>
  trust.openDate <= day && (trust.closeDate === null || trust.closeDate > day);

/** A day in [from, to], uniformly. */
export const dayBetween = (prng: Prng, from: string, to: string): string =>
  addDays(from, prng.int(0, Math.max(0, daysBetween(from, to))));

/** The number of organisations a wave enrols at this scale: the whole programme from scale 1. */
export function waveSize(wave: EnrolmentWave, scale: number): number {
  const cases = CASE_STUDY_ENROLMENTS.filter((c) => c.waveId === wave.waveId).length;
  return Math.max(cases, scale >= 1 ? wave.count : Math.round(wave.count * scale));
}

/**
 * Who enrols when, wave by wave: the case-study trusts on their sourced
 * dates, other trusts drawn from those open on their enrolment day, and
 * new GP practices for the primary-care spread.
 */
export function chooseOrganisations(
  prng: Prng,
  register: readonly TrustRecord[],
  scale: number,
): OrganisationPlan[] {
  const byCode = new Map(register.map((t) => [t.odsCode, t]));
  const taken = new Set(CASE_STUDY_ENROLMENTS.map((c) => c.odsCode));
  const plans: OrganisationPlan[] = [];
  const practiceCodes = new Set<string>();
  for (const wave of ENROLMENT_WAVES) {
    const waveRng = prng.fork(`wave/${wave.waveId}`);
    const cases = CASE_STUDY_ENROLMENTS.filter((c) => c.waveId === wave.waveId);
    for (const c of cases) {
      const trust = byCode.get(c.odsCode);
      if (!trust) throw new Error(`Case-study trust ${c.odsCode} is not in the register`);
      plans.push({ ...fromTrust(trust), registration: null, wave, enrolledOn: c.enrolledOn });
    }
    for (let i = cases.length; i < waveSize(wave, scale); i++) {
      const enrolledOn = dayBetween(waveRng, wave.from, wave.to);
      if (wave.kind === 'gp-practice') {
        plans.push(newPractice(waveRng, wave, enrolledOn, practiceCodes));
        continue;
      }
      const candidates = register.filter(
        (t) => eligible(t) && openOn(t, enrolledOn) && !taken.has(t.odsCode),
      );
      const trust = waveRng.pick(candidates);
      taken.add(trust.odsCode);
      plans.push({ ...fromTrust(trust), registration: null, wave, enrolledOn });
    }
  }
  return plans.sort((a, b) => (a.enrolledOn < b.enrolledOn ? -1 : a.enrolledOn > b.enrolledOn ? 1 : 0));
}

function fromTrust(trust: TrustRecord) {
  return { odsCode: trust.odsCode, name: trust.name, type: trust.type, regionCode: trust.regionCode };
}

function newPractice(
  prng: Prng,
  wave: EnrolmentWave,
  enrolledOn: string,
  used: Set<string>,
): OrganisationPlan {
  const regions = Object.keys(PRACTICE_CODE_LETTERS) as RegionCode[];
  const regionCode = prng.pick(regions);
  let odsCode: string;
  do {
    odsCode = `${prng.pick(PRACTICE_CODE_LETTERS[regionCode] ?? ['Y'])}${String(prng.int(81000, 89999))}`;
  } while (used.has(odsCode));
  used.add(odsCode);
  return {
    odsCode,
    name: `${prng.pick(PRACTICE_NAME_STEMS)} ${prng.pick(PRACTICE_NAME_SUFFIXES)}`,
    type: 'GPPractice',
    regionCode,
    registration: { openDate: `${prng.int(1975, 2012)}-04-01` },
    wave,
    enrolledOn,
  };
}
