import { parse } from 'csv-parse/sync';
import { OrganisationType, REGION_CODES, RegionCode } from '../domain/organisation';

/** One row of the ODS trust register as this service uses it. */
export interface TrustRecord {
  odsCode: string;
  name: string;
  regionCode: RegionCode;
  type: OrganisationType;
  openDate: string;
  closeDate: string | null;
}

export const REGISTER_SNAPSHOT = 'ODS etr (ebmdatalab etr_tidy.csv, commit e1d63fb, January 2022)';

/**
 * The type where the name says it; `Unknown` otherwise rather than a guess
 * (many trust names, e.g. "Solent NHS Trust", say nothing of what they run).
 */
export function organisationTypeFromName(name: string): OrganisationType {
  if (/ambulance/i.test(name)) return 'AmbulanceTrust';
  if (/mental health/i.test(name)) return 'MentalHealthTrust';
  if (/community/i.test(name)) return 'CommunityTrust';
  if (/hospital|acute/i.test(name)) return 'AcuteTrust';
  return 'Unknown';
}

const present = (value: string | undefined): string | null =>
  value === undefined || value === '' || value === 'NA' ? null : value;

/** Parses the register CSV (columns of data/reference/nhs-trusts-etr.csv); refuses rows it cannot map. */
export function parseTrustRegister(csv: string): TrustRecord[] {
  const rows = parse(csv, { columns: true, skip_empty_lines: true, trim: true }) as Array<
    Record<string, string>
  >;
  return rows.map((row, i) => {
    const regionCode = row.region_code as RegionCode;
    if (!REGION_CODES.includes(regionCode)) {
      throw new Error(`Register row ${i + 2} (${row.ods_code}): unknown region code ${row.region_code}`);
    }
    const openDate = present(row.open_date);
    if (!openDate) throw new Error(`Register row ${i + 2} (${row.ods_code}): no open date`);
    return {
      odsCode: row.ods_code,
      name: row.ods_name,
      regionCode,
      type: organisationTypeFromName(row.ods_name),
      openDate,
      closeDate: present(row.close_date),
    };
  });
}
