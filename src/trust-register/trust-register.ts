import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { OrganisationType, REGION_CODES, RegionCode } from '../domain/organisation';
import {
  decideOrganisationType,
  EarlierName,
  parseEarlierNames,
  parseTypeOverrides,
  TypeOverride,
  TypeRule,
} from './organisation-type-rules';
import { EARLIER_NAMES_CSV, REGISTER_CSV, TYPE_OVERRIDES_CSV } from './register-csv';

/** One row of the ODS trust register as this service uses it. */
export interface TrustRecord {
  odsCode: string;
  name: string;
  regionCode: RegionCode;
  type: OrganisationType;
  /** Which rule decided the type (docs/analysts/register.md). */
  typeRule: TypeRule;
  openDate: string;
  closeDate: string | null;
  /** The names it had before its current one, oldest first, each with the day it ended. */
  earlierNames: EarlierName[];
}

/** The curated reference files beside the register (data/reference/). */
export interface RegisterReference {
  typeOverrides: ReadonlyMap<string, TypeOverride>;
  earlierNames: ReadonlyMap<string, EarlierName[]>;
}

const NO_REFERENCE: RegisterReference = { typeOverrides: new Map(), earlierNames: new Map() };

export const REGISTER_SNAPSHOT = 'ODS etr (ebmdatalab etr_tidy.csv, commit e1d63fb, January 2022)';

const present = (value: string | undefined): string | null =>
  value === undefined || value === '' || value === 'NA' ? null : value;

/** Parses the register CSV (columns of data/reference/nhs-trusts-etr.csv); refuses rows it cannot map. */
export function parseTrustRegister(csv: string, reference: RegisterReference = NO_REFERENCE): TrustRecord[] {
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
    const addressLines = [1, 2, 3, 4, 5].flatMap((n) => present(row[`address_line_${n}`]) ?? []);
    const decision = decideOrganisationType(
      { odsCode: row.ods_code, name: row.ods_name, addressLines },
      reference.typeOverrides,
    );
    return {
      odsCode: row.ods_code,
      name: row.ods_name,
      regionCode,
      type: decision.type,
      typeRule: decision.rule,
      openDate,
      closeDate: present(row.close_date),
      earlierNames: reference.earlierNames.get(row.ods_code) ?? [],
    };
  });
}

/** The register as the service reads it: the extract, with the curated types and earlier names beside it. */
export function loadTrustRegister(csvPath = REGISTER_CSV): TrustRecord[] {
  return parseTrustRegister(readFileSync(csvPath, 'utf8'), {
    typeOverrides: parseTypeOverrides(readFileSync(TYPE_OVERRIDES_CSV, 'utf8')),
    earlierNames: parseEarlierNames(readFileSync(EARLIER_NAMES_CSV, 'utf8')),
  });
}

/** How many of England's NHS trusts in the register (open on `date`, if given) have each type, Unknown included. */
export function typeCoverage(trusts: readonly TrustRecord[], date?: string) {
  const england = trusts.filter(
    (t) =>
      t.regionCode !== 'W00' &&
      (date === undefined || (t.openDate <= date && (t.closeDate === null || t.closeDate > date))),
  );
  const unknown = england.filter((t) => t.type === 'Unknown').length;
  return {
    trusts: england.length,
    unknown,
    unknownPercent: england.length === 0 ? 0 : Math.round((unknown / england.length) * 10_000) / 100,
    byRule: Object.fromEntries(
      (['override', 'name', 'address', 'none'] as const).map((rule) => [
        rule,
        england.filter((t) => t.typeRule === rule).length,
      ]),
    ),
  };
}
