/**
 * The ids of a stream's events, for finding a retried request's events
 * (event-ids.ts), in a few bytes each: a 30-bit hash of the id and the
 * revision it was seen at, both small integers V8 keeps unboxed. The ids
 * themselves, with each event's request hash and position, cost about 340
 * bytes an event, and a cached stream keeps them for its whole history
 * (bench/RESULTS.md, imports). A hash can match another id, so a match only
 * names the revisions to read: the caller checks the stored event.
 */
export class KnownEventIds {
  private readonly byHash = new Map<number, number | number[]>();

  add(id: string, revision: number): void {
    const hash = hashOf(id);
    const seen = this.byHash.get(hash);
    if (seen === undefined) this.byHash.set(hash, revision);
    else if (typeof seen === 'number') {
      if (seen !== revision) this.byHash.set(hash, [seen, revision]);
    } else if (!seen.includes(revision)) seen.push(revision);
  }

  /** Revisions whose event may have this id, in the order seen; none when no event has it. */
  revisionsOf(id: string): readonly number[] {
    const seen = this.byHash.get(hashOf(id));
    return seen === undefined ? [] : typeof seen === 'number' ? [seen] : seen;
  }
}

/** FNV-1a over the id's characters, case-folded as the stores keep ids, cut to 30 bits. */
function hashOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    let code = id.charCodeAt(i);
    if (code >= 65 && code <= 90) code += 32;
    hash = Math.imul(hash ^ code, 0x01000193);
  }
  return hash & 0x3fffffff;
}
