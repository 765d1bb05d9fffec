/**
 * Answers true the first time it is asked in a turn of the event loop, false
 * after that until the next turn: for checks of state another process may
 * change (a file, a database) that need not be repeated for every request
 * handled in the same turn.
 */
export class OncePerTurn {
  private taken = false;

  take(): boolean {
    if (this.taken) return false;
    this.taken = true;
    // unref: a pending reset never keeps the process alive.
    setImmediate(() => (this.taken = false)).unref();
    return true;
  }
}
