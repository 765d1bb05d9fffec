/** Act: adopt, adapt or abandon the change (docs/architecture/improvement-method.md, "PDSA cycles"). */
export const PDSA_DECISIONS = ['Adopt', 'Adapt', 'Abandon'] as const;
export type PdsaDecision = (typeof PDSA_DECISIONS)[number];

/** Study: how the result compared with each prediction. */
export const PREDICTION_OUTCOMES = ['Confirmed', 'Refuted', 'Partly'] as const;
export type PredictionOutcome = (typeof PREDICTION_OUTCOMES)[number];

export const OBSERVATION_KINDS = ['Problem', 'Unexpected', 'Data'] as const;
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];

export interface PdsaPlan {
  who: string;
  what: string;
  where: string;
  when: string;
}

/** How big the test is: small first, larger as confidence grows. */
export interface PdsaScale {
  unit: string;
  nPatients: number | null;
  durationDays: number;
}

export interface PredictionOutcomeRecord {
  /** Index into the plan's predictions, from 0. */
  predictionIndex: number;
  outcome: PredictionOutcome;
  note: string | null;
}

/** The Always Event a cycle tests a change for, as the application folded it. */
export interface AlwaysEventForPdsa {
  phase: string;
  programmeSlug: string;
  odsCode: string;
  changeIdeaIds: string[];
}

/** The cycle named as previous, as the application folded it. */
export interface PreviousPdsaCycle {
  alwaysEventId: string;
  changeIdeaId: string;
  cycleNumber: number;
  status: string;
  decision: PdsaDecision | null;
  scale: PdsaScale;
}
