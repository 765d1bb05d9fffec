import { canonicalSha256, canonicalSha256Steps } from '../../shared/canonical-sha256';
import { inSlices } from './time-slice';

interface Known {
  position: number;
  status: string;
  checksum: string;
}

/**
 * The SHA-256 of a live read model's canonical JSON, kept until the model
 * moves. A state changes only by folding an event (its position moves), by
 * being replaced (a rebuild, a refold: another object) or by a fold that
 * fails half-way (its status moves), so the three together say whether the
 * last checksum still holds. Hashing a model is a walk of all of it (hundreds
 * of MB at a million events), and GET /v1/admin/read-models is polled by
 * operators and tests alike: unchanged models are not walked again. The
 * walk yields to I/O as it goes; the caller holds the state still meanwhile
 * (ProjectionRunner.whileHeld).
 */
export class StateChecksums {
  private readonly known = new WeakMap<object, Known>();

  async of(state: unknown, position: number, status: string): Promise<string> {
    if (state === null || typeof state !== 'object') return canonicalSha256(state);
    const known = this.known.get(state);
    if (known && known.position === position && known.status === status) return known.checksum;
    const checksum = await inSlices(canonicalSha256Steps(state));
    this.known.set(state, { position, status, checksum });
    return checksum;
  }
}
