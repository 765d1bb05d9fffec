import { Decider } from '../../../src/domain/decider';
import { CommandContext, DomainError } from '../../../src/domain/shared';

/** A fixed clock for specs: 1 April 2018, the day after the enrolment deadline. */
export const NOW = '2018-04-01T09:00:00.000Z';
export const context = (overrides: Partial<CommandContext> = {}): CommandContext => ({
  now: NOW,
  occurredAt: NOW,
  ...overrides,
});

/**
 * Given/when/then for deciders: given past events, when a command, then the
 * new events — or then a DomainError naming the rule (and its kind).
 */
export function deciderSpec<C, E, S>(decider: Decider<C, E, S>) {
  return {
    given(events: E[]) {
      const state = events.reduce(decider.evolve, decider.initialState());
      return {
        when(command: C) {
          const run = (): E[] => decider.decide(command, state);
          return {
            then(expected: E[]): void {
              expect(run()).toEqual(expected);
            },
            thenThrows(rule: string, kind?: DomainError['kind'], field?: string): void {
              let error: unknown;
              try {
                run();
              } catch (e) {
                error = e;
              }
              expect(error).toBeInstanceOf(DomainError);
              expect((error as DomainError).rule).toBe(rule);
              if (kind) expect((error as DomainError).kind).toBe(kind);
              if (field) expect((error as DomainError).field).toBe(field);
            },
          };
        },
      };
    },
  };
}
