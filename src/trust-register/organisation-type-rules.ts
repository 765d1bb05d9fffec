import { parse } from 'csv-parse/sync';
import { ORGANISATION_TYPES, OrganisationType } from '../domain/organisation';

/**
 * An NHS trust's type from what the ODS register offers, by documented rules
 * (docs/analysts/register.md), each decision naming its rule:
 * 1. a curated override, which cites where the type can be checked;
 * 2. the name: ambulance; mental health; "Partnership" (every register trust
 *    so named runs mental health services); community; hospital, acute,
 *    infirmary, children's, women's or cancer (acute, specialist included);
 * 3. the registered address: a head office at a general, district, county,
 *    city or university hospital, or an infirmary, is an acute trust's;
 * 4. otherwise Unknown, never a guess.
 * ODS role codes do not separate acute from mental health trusts (every row
 * is an NHS trust), so they decide nothing here.
 */

export type TypeRule = 'override' | 'name' | 'address' | 'none';

export interface TypeDecision {
  type: OrganisationType;
  rule: TypeRule;
}

export interface TypeOverride {
  type: OrganisationType;
  source: string;
}

const NAME_RULES: ReadonlyArray<[RegExp, OrganisationType]> = [
  [/ambulance/i, 'AmbulanceTrust'],
  [/mental health/i, 'MentalHealthTrust'],
  [/partnership/i, 'MentalHealthTrust'],
  [/community/i, 'CommunityTrust'],
  [/hospital|acute|infirmary|children's|women's|cancer/i, 'AcuteTrust'],
];

const ACUTE_ADDRESS =
  /\b(GENERAL|DISTRICT|COUNTY|CITY|UNIVERSITY) HOSPITAL\b|\bINFIRMARY\b|\bDIST GENERAL\b/i;

export function decideOrganisationType(
  trust: { odsCode: string; name: string; addressLines: readonly string[] },
  overrides: ReadonlyMap<string, TypeOverride>,
): TypeDecision {
  const override = overrides.get(trust.odsCode);
  if (override) return { type: override.type, rule: 'override' };
  const byName = NAME_RULES.find(([pattern]) => pattern.test(trust.name));
  if (byName) return { type: byName[1], rule: 'name' };
  if (trust.addressLines.some((line) => ACUTE_ADDRESS.test(line)))
    return { type: 'AcuteTrust', rule: 'address' };
  return { type: 'Unknown', rule: 'none' };
}

/** The overrides file: `ods_code,type,source`, every row citing its source; refuses a row without one. */
export function parseTypeOverrides(csv: string): Map<string, TypeOverride> {
  const rows = parse(csv, { columns: true, skip_empty_lines: true, trim: true, comment: '#' }) as Array<
    Record<string, string>
  >;
  return new Map(
    rows.map((row, i) => {
      const type = ORGANISATION_TYPES.find((t) => t === row.type);
      if (!type || type === 'Unknown')
        throw new Error(`Type override row ${i + 1} (${row.ods_code}): no type ${row.type}`);
      if (!/^https?:\/\/\S+$/.test(row.source ?? '')) {
        throw new Error(`Type override row ${i + 1} (${row.ods_code}): every override cites its source`);
      }
      return [row.ods_code, { type, source: row.source }];
    }),
  );
}

export interface EarlierName {
  name: string;
  /** The day the trust took its next name. */
  until: string;
  source: string;
}

/** The earlier-names file: `ods_code,name,until,source`, oldest first per trust. */
export function parseEarlierNames(csv: string): Map<string, EarlierName[]> {
  const rows = parse(csv, { columns: true, skip_empty_lines: true, trim: true, comment: '#' }) as Array<
    Record<string, string>
  >;
  const names = new Map<string, EarlierName[]>();
  rows.forEach((row, i) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(row.until) || !/^https?:\/\/\S+$/.test(row.source ?? '')) {
      throw new Error(`Earlier name row ${i + 1} (${row.ods_code}): needs a date it ended and a source`);
    }
    const list = names.get(row.ods_code) ?? [];
    list.push({ name: row.name, until: row.until, source: row.source });
    names.set(
      row.ods_code,
      list.sort((a, b) => (a.until < b.until ? -1 : 1)),
    );
  });
  return names;
}
