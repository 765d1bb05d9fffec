/**
 * The classification of personal data in the event log: which fields of which
 * event types hold a person's data, and whose. Each entry names an object in
 * the payload that stands for one person (`personId` is the data subject's
 * id) and the fields of it that are personal data. Only these are encrypted
 * and erasable; docs/governance/erasure-and-redaction.md has the full table,
 * free text included.
 */
export interface PersonFields {
  /** Path of the person object in `data`; `[]` marks a list of persons. */
  at: string;
  fields: readonly string[];
}

const CONTACT = ['name'] as const;
const SPONSOR = ['name', 'title'] as const;

export const PERSONAL_DATA_FIELDS: Readonly<Record<string, readonly PersonFields[]>> = {
  ExecutiveSponsorConfirmed: [{ at: 'sponsor', fields: SPONSOR }],
  ExecutiveSponsorChanged: [{ at: 'sponsor', fields: SPONSOR }],
  LocalLeadAppointed: [{ at: 'lead', fields: CONTACT }],
  OversightTeamEstablished: [{ at: 'members[]', fields: CONTACT }],
};

/** What an erased person's fields read as, everywhere. */
export const ERASED = '[erased]';
/** What integration events carry instead of a personal value (consumers look the person up by id). */
export const WITHHELD = '[withheld]';
/** What data-cut checksums fold instead of a personal value, so an erasure never changes a checksum. */
export const MASKED = '[personal data]';

export const holdsPersonalData = (eventType: string): boolean => eventType in PERSONAL_DATA_FIELDS;

export interface PersonalValue {
  /** The data subject: the person object's `personId`. */
  subject: string;
  /** Dotted path of the field in `data`, e.g. `sponsor.name` or `members.2.name`. */
  path: string;
  value: string;
}

type Mapper = (value: PersonalValue) => string | Promise<string>;

function personsAt(data: Record<string, unknown>, at: string): Array<[string, Record<string, unknown>]> {
  const list = at.endsWith('[]');
  const key = list ? at.slice(0, -2) : at;
  const found = data[key];
  if (list) {
    return Array.isArray(found)
      ? found.flatMap((item, i) =>
          isObject(item) ? [[`${key}.${i}`, item] as [string, Record<string, unknown>]] : [],
        )
      : [];
  }
  return isObject(found) ? [[key, found]] : [];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every personal value of an event's data, in payload order. */
export function personalValues(eventType: string, data: unknown): PersonalValue[] {
  const specs = PERSONAL_DATA_FIELDS[eventType];
  if (!specs || !isObject(data)) return [];
  const values: PersonalValue[] = [];
  for (const spec of specs) {
    for (const [path, person] of personsAt(data, spec.at)) {
      if (typeof person.personId !== 'string') continue;
      for (const field of spec.fields) {
        const value = person[field];
        if (typeof value === 'string')
          values.push({ subject: person.personId.toLowerCase(), path: `${path}.${field}`, value });
      }
    }
  }
  return values;
}

/**
 * A copy of `data` with each personal value replaced by what `map` returns;
 * `data` itself is never changed (callers hand out or keep the original).
 * Data of a type without personal fields is returned as it is.
 */
export async function mapPersonalValues(eventType: string, data: unknown, map: Mapper): Promise<unknown> {
  const values = personalValues(eventType, data);
  if (values.length === 0) return data;
  const replaced = await Promise.all(values.map(async (value) => [value.path, await map(value)] as const));
  return withValues(data, new Map(replaced));
}

/** The synchronous `mapPersonalValues`, for maps that need no key (masking, withholding). */
export function mapPersonalValuesSync(
  eventType: string,
  data: unknown,
  map: (value: PersonalValue) => string,
): unknown {
  const values = personalValues(eventType, data);
  if (values.length === 0) return data;
  return withValues(data, new Map(values.map((value) => [value.path, map(value)] as const)));
}

/** Copies only the objects on the way to a replaced value. */
function withValues(data: unknown, replaced: ReadonlyMap<string, string>): unknown {
  const copy = structuredClone(data) as Record<string, unknown>;
  for (const [path, value] of replaced) {
    const keys = path.split('.');
    let node = copy as Record<string, unknown> | unknown[];
    for (const key of keys.slice(0, -1)) node = (node as Record<string, unknown>)[key] as typeof node;
    (node as Record<string, unknown>)[keys[keys.length - 1]] = value;
  }
  return copy;
}

/** Data-cut checksums fold this: personal values replaced by one constant, erased or not. */
export function maskPersonalData(eventType: string, data: unknown): unknown {
  return mapPersonalValuesSync(eventType, data, () => MASKED);
}

/** Integration events carry this: no personal value leaves the service; an erasure still shows. */
export function withholdPersonalData(eventType: string, data: unknown): unknown {
  return mapPersonalValuesSync(eventType, data, ({ value }) => (value === ERASED ? ERASED : WITHHELD));
}
