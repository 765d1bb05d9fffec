import { sha256Hex } from '../shared/canonical-json';

/**
 * An idempotency key claimed with an append: the store keeps, in the log
 * itself, which request each key was first used for, so a key reused for
 * another command, stream or body is refused whatever happened to the
 * process that first saw it (state file deleted, crash, another instance).
 */
export interface IdempotencyClaim {
  key: string;
  /** `idempotencyFingerprint(streamId, requestHash)`: equal for a retry, different for any other request. */
  fingerprint: string;
  /** For messages only: the command the key was first used for. */
  command: string;
}

/** What the store remembers of a key's first use. */
export interface IdempotencyKeyUse {
  fingerprint: string;
  command: string;
}

/**
 * The request a key stands for: its target stream and the hash of the
 * request (command name, body and If-Match). Both are already on every event
 * the request wrote, so a store can rebuild its record of keys from the log.
 */
export function idempotencyFingerprint(streamId: string, requestHash: string): string {
  return sha256Hex(`${streamId}\n${requestHash}`);
}
