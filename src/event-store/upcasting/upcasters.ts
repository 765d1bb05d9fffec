import { measurementRecordedV1ToV2, MeasurementRecordedV1 } from '../../domain/measure/upcasters';
import { Upcaster, UpcasterRegistry } from './upcaster-registry';

/** Every upcaster the service knows; each event type's current version is one past its last. */
export const UPCASTERS: readonly Upcaster[] = [
  {
    type: 'MeasurementRecorded',
    fromVersion: 1,
    upcast: (data: MeasurementRecordedV1) => measurementRecordedV1ToV2(data),
  },
];

export const upcasterRegistry = (): UpcasterRegistry => new UpcasterRegistry(UPCASTERS);

/** The schema version new events of each upcast type are written at. */
export const CURRENT_SCHEMA_VERSIONS: Readonly<Record<string, number>> = Object.fromEntries(
  UPCASTERS.map((u) => [
    u.type,
    Math.max(...UPCASTERS.filter((v) => v.type === u.type).map((v) => v.fromVersion)) + 1,
  ]),
);
