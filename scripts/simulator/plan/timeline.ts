import { CommandBody, CommandName, DraftCommand, command } from '../commands';
import { instantOn } from '../dates';

/**
 * Commands of one subject in business-time order. Each command is stamped
 * 09:00 UTC on its day plus one minute per command already on that day, so
 * facts of one day keep the order they were added in.
 */
export class Timeline {
  private readonly entries: Array<DraftCommand & { seq: number }> = [];
  private readonly minutesUsed = new Map<string, number>();

  /** Adds a command dated `date` (YYYY-MM-DD); returns the instant it was stamped with. */
  add<Name extends CommandName>(
    date: string,
    name: Name,
    body: Omit<CommandBody<Name>, 'occurredAt'>,
  ): string {
    const minute = this.minutesUsed.get(date) ?? 0;
    this.minutesUsed.set(date, minute + 1);
    const at = instantOn(date, minute);
    this.entries.push({ ...command(name, at, body), seq: this.entries.length });
    return at;
  }

  /** Adds a command at an exact instant (e.g. just after the measurement it follows). */
  addAt<Name extends CommandName>(
    at: string,
    name: Name,
    body: Omit<CommandBody<Name>, 'occurredAt'>,
  ): string {
    this.entries.push({ ...command(name, at, body), seq: this.entries.length });
    return at;
  }

  /** Every command in business-time order (ties keep the order they were added in). */
  commands(): DraftCommand[] {
    return [...this.entries]
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.seq - b.seq))
      .map(({ seq: _seq, ...rest }) => rest);
  }

  get size(): number {
    return this.entries.length;
  }
}
