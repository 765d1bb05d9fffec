import { Query } from '@nestjs/cqrs';
import type { Bounds } from './bounds';

export interface ReadModelChecksums {
  /** Highest global position inside the bounds (0 when none): the cut's knowledge bound as a position. */
  globalPosition: number;
  projectionVersions: Record<string, number>;
  /** Read model → SHA-256 of the canonical JSON of its state at the bounds. */
  checksums: Record<string, string>;
}

/**
 * The write side's one question to the read side (TakeDataCut): every read
 * model folded inside the bounds, fingerprinted. It travels on the QueryBus
 * to the handler the history module registers, so neither side imports the other.
 */
export class ReadModelChecksumsQuery extends Query<ReadModelChecksums> {
  constructor(readonly bounds: Bounds) {
    super();
  }
}
