/**
 * Each data subject's own data key, kept in the system of record beside the
 * log (a table in the SQLite event file; a stream per subject in
 * EventStoreDB), so a backup of the store holds the keys its events need and
 * nothing else does. Destroying a key is the erasure: what it sealed can
 * never be opened again.
 */
export interface PersonalDataKeyStore {
  /** The subject's key, issued on first use; concurrent first uses agree on one key. */
  keyFor(subject: string): Promise<Buffer>;
  /** The subject's key; undefined when none was ever issued, or it was destroyed. */
  find(subject: string): Promise<Buffer | undefined>;
  /** Destroys the key for good; a no-op for a subject without one. */
  destroy(subject: string): Promise<KeyDestruction>;
}

export interface KeyDestruction {
  /** Whether a key was there to destroy. */
  destroyed: boolean;
  /** What is left for an operator (e.g. a scavenge), logged as information. */
  notes: string[];
  /** What did not happen as it should, logged as warnings. */
  warnings: string[];
}
