import type {
  CareSetting,
  CareUnit,
  ClosureReason,
  ReviewCadence,
} from '../../../../src/domain/always-event';
import { CaseStudy } from '../../data/case-studies';
import { PROGRAMME } from '../../data/programme-shape';
import {
  BALANCING_MEASURES,
  MIXED_SETTINGS,
  SETTING_CONTENT,
  SETTINGS_BY_TYPE,
  StatementContent,
} from '../../data/setting-content';
import { addDays, monthEnd, monthOf } from '../../dates';
import { Prng } from '../../prng';
import { AlwaysEventSpec } from './spec';

/** Where and until when an Always Event of an organisation can run. */
export interface AlwaysEventContext {
  label: string;
  alwaysEventId: string;
  odsCode: string;
  organisationType: string;
  initiatedOn: string;
  endOn: string;
  closeAtEnd: ClosureReason | null;
}

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

const unitOf = (name: string, setting: CareSetting): CareUnit => ({ unitId: slug(name), name, setting });

/** A published case study on its published course: it improves to its target. */
export function caseStudySpec(caseStudy: CaseStudy, context: AlwaysEventContext): AlwaysEventSpec {
  const weekly = caseStudy.outcome.frequency === 'Weekly';
  const target = caseStudy.aim.targetPct;
  return {
    ...context,
    programmeSlug: PROGRAMME.programmeSlug,
    homeUnit: caseStudy.homeUnit,
    population: caseStudy.population,
    theme: caseStudy.theme,
    heard: caseStudy.heard,
    otherThemes: [],
    vision: caseStudy.vision,
    aim: { deadline: null, reviewCadence: null, ...caseStudy.aim },
    outcome: caseStudy.outcome,
    process: { ...caseStudy.process, frequency: caseStudy.outcome.frequency },
    balancing: null,
    changeIdeas: caseStudy.changeIdeas,
    testers: ['Unit manager and point-of-care staff from the co-design team'],
    scaleUpUnits: caseStudy.scaleUpUnits,
    derivedFromAlwaysEventId: null,
    trajectory: {
      improves: true,
      baselinePct: 0.5,
      finalPct: caseStudy.settlesAt?.finalPct ?? (target >= 100 ? 1 : Math.min(0.99, target / 100 + 0.05)),
      denominator: caseStudy.settlesAt?.denominator ?? (weekly ? 12 : 30),
    },
    pace: caseStudy.pace ?? 1,
    caseStudy: caseStudy.caseId,
  };
}

/** The setting an organisation of this type picks for an Always Event. */
export function settingFor(prng: Prng, organisationType: string): CareSetting {
  const weights = SETTINGS_BY_TYPE[organisationType as keyof typeof SETTINGS_BY_TYPE] ?? MIXED_SETTINGS;
  return prng.weighted(weights);
}

/**
 * A synthetic Always Event drawn from the setting catalogue; `source` makes
 * it a spread of another organisation's Always Event (same statement, ideas
 * from the other site).
 */
export function syntheticSpec(
  prng: Prng,
  context: AlwaysEventContext,
  setting: CareSetting,
  source: AlwaysEventSpec | null,
): AlwaysEventSpec {
  const content = SETTING_CONTENT[setting];
  if (!content) throw new Error(`No simulator content for setting ${setting}`);
  // A spread adopts the source's statement, measures and ideas; the unit, aim and data are its own.
  const statement: StatementContent = source
    ? {
        theme: source.theme,
        heard: source.heard,
        vision: source.vision,
        behaviour: source.aim.behaviourOrOutcome,
        outcome: source.outcome,
        process: source.process,
        changeIdeas: source.changeIdeas,
      }
    : prng.pick(content.statements);
  const unitName = prng.pick(content.units);
  const targetPct = prng.pick([80, 85, 90, 90, 95, 95]);
  const reviewCadence: ReviewCadence | null = prng.chance(0.15)
    ? prng.pick(['Quarterly', 'SixMonthly'] as const)
    : null;
  // The programme asked for monthly data; a few teams tracked their outcome weekly while testing.
  const frequency = prng.chance(0.12) ? 'Weekly' : 'Monthly';
  const improves = prng.chance(0.8);
  const baselinePct = prng.int(35, Math.min(70, targetPct - 15)) / 100;
  const population = content.population.replace('{unit}', unitName);
  return {
    ...context,
    programmeSlug: PROGRAMME.programmeSlug,
    homeUnit: unitOf(unitName, setting),
    population,
    theme: statement.theme,
    heard: statement.heard,
    otherThemes: prng.sample(
      content.statements.filter((s) => s.theme !== statement.theme).map((s) => s.theme),
      prng.int(0, 1),
    ),
    vision: statement.vision,
    aim: {
      population,
      behaviourOrOutcome: statement.behaviour,
      targetPct,
      deadline: reviewCadence ? null : monthEnd(monthOf(addDays(context.initiatedOn, prng.int(365, 540)))),
      reviewCadence,
    },
    outcome: { ...statement.outcome, frequency, survey: source?.outcome.survey ?? true },
    process: { ...statement.process, frequency: prng.chance(0.3) ? frequency : 'Monthly' },
    balancing: prng.chance(0.5) ? prng.pick(BALANCING_MEASURES) : null,
    changeIdeas: statement.changeIdeas,
    testers: content.testers,
    scaleUpUnits: prng.chance(0.4)
      ? prng
          .sample(
            content.units.filter((u) => u !== unitName),
            // Every unit reports into the outcome measure's one stream: weekly ones scale up to one unit.
            frequency === 'Weekly' ? 1 : prng.int(1, 2),
          )
          .map((name) => unitOf(name, setting))
      : [],
    derivedFromAlwaysEventId: source?.alwaysEventId ?? null,
    trajectory: {
      improves,
      baselinePct,
      finalPct: improves
        ? Math.min(0.99, targetPct / 100 + prng.int(3, 8) / 100)
        : Math.min(targetPct / 100 - 0.05, baselinePct + prng.int(0, 8) / 100),
      denominator: frequency === 'Weekly' ? prng.int(8, 25) : prng.int(25, 90),
    },
    pace: prng.int(80, 130) / 100,
    caseStudy: null,
  };
}
