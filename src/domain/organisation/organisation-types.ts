export const ORGANISATION_TYPES = [
  'AcuteTrust',
  'MentalHealthTrust',
  'CommunityTrust',
  'CombinedTrust',
  'AmbulanceTrust',
  'GPPractice',
  'PrimaryCareNetwork',
  'CareHome',
  'ICS',
  'Commissioner',
  'Other',
  /** The register's name did not say; kept explicit rather than guessed. */
  'Unknown',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** NHS England region codes as the ODS register uses them (national_grouping). */
export const REGIONS = {
  Y56: 'London',
  Y58: 'South West',
  Y59: 'South East',
  Y60: 'Midlands',
  Y61: 'East of England',
  Y62: 'North West',
  Y63: 'North East and Yorkshire',
  W00: 'Wales',
} as const;
export type RegionCode = keyof typeof REGIONS;
export const REGION_CODES = Object.keys(REGIONS) as RegionCode[];
