/** The national coaching team's support offer (Always Events journey), plus the cohort launch event. */
export const SUPPORT_CONTACT_TYPES = [
  'SiteVisit',
  'CoachingCall',
  'LeadershipCall',
  'AllSiteCall',
  'Webinar',
  'CohortLaunchEvent',
] as const;
export type SupportContactType = (typeof SUPPORT_CONTACT_TYPES)[number];

/** Where an organisation shared its learning with other providers. */
export const LEARNING_CHANNELS = [
  'Conference',
  'CaseStudy',
  'WebinarTalk',
  'AllSiteCall',
  'Publication',
  'Other',
] as const;
export type LearningChannel = (typeof LEARNING_CHANNELS)[number];
