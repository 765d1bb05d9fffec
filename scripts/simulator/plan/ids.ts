import { v5 as uuidv5 } from 'uuid';

/** A fixed namespace for the simulator's ids (a random UUID, chosen once). */
const SIMULATOR_NAMESPACE = '6b1f4d0a-3c2e-4f7b-9a85-1d2c3e4f5a6b';

/** Stable UUIDs: the same seed and label always give the same id, so a re-run addresses the same streams. */
export function idFactory(seed: string): (label: string) => string {
  return (label) => uuidv5(`${seed}\n${label}`, SIMULATOR_NAMESPACE);
}
