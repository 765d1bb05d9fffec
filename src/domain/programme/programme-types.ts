/**
 * Programme phases named by the sources (Marshall et al. 2019; NHS England's
 * pages). `Other` covers later waves the sources mention without naming a
 * phase (care homes, integrated care systems); its `phaseId` says which.
 */
export const PHASE_NAMES = ['Pilot', 'ToolkitTest', 'Spread', 'PrimaryCareSpread', 'Other'] as const;
export type PhaseName = (typeof PHASE_NAMES)[number];

/** What a target counts; the Mandate's wording was "organisations with senior support and commitment". */
export const ENROLMENT_METRICS = ['EnrolledWithSeniorSupport'] as const;
export type EnrolmentMetric = (typeof ENROLMENT_METRICS)[number];

/** How a cohort launch event was held (NHS England ran face-to-face launches). */
export const COHORT_FORMATS = ['FaceToFace', 'Virtual'] as const;
export type CohortFormat = (typeof COHORT_FORMATS)[number];

export type CohortStatus = 'scheduled' | 'launched' | 'closed';
