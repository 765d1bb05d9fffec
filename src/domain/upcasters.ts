import { measurementRecordedV1ToV2, MeasurementRecordedV1 } from './measure/upcasters';

/** Turns one event type's payload at one schema version into the next version's. */
export interface EventUpcaster {
  type: string;
  fromVersion: number;
  upcast(data: never): unknown;
}

/** Every upcaster of the domain's events; each event type's current version is one past its last. */
export const UPCASTERS: readonly EventUpcaster[] = [
  {
    type: 'MeasurementRecorded',
    fromVersion: 1,
    upcast: (data: MeasurementRecordedV1) => measurementRecordedV1ToV2(data),
  },
];

/** The schema version new events of each upcast type are written at. */
export const CURRENT_SCHEMA_VERSIONS: Readonly<Record<string, number>> = Object.fromEntries(
  UPCASTERS.map((u) => [
    u.type,
    Math.max(...UPCASTERS.filter((v) => v.type === u.type).map((v) => v.fromVersion)) + 1,
  ]),
);
