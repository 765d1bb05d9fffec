/**
 * What every command carries besides its own data. Time comes in here so
 * deciders stay pure: `now` is the server's clock, `occurredAt` the business
 * time the fact applies to (the past for backfilled history).
 */
export interface CommandContext {
  now: string;
  occurredAt: string;
}

/**
 * A command as a decider sees it. `facts` holds what the application looked up
 * in other aggregates or read models for a cross-aggregate rule (e.g. "the
 * participation is enrolled"); the decider enforces the rule on those facts.
 */
export interface Command<Type extends string, Data, Facts = undefined> {
  type: Type;
  data: Data;
  context: CommandContext;
  facts: Facts;
}

/** A domain event: its type is its name in the public contract (docs/architecture/domain-model.md). */
export interface DomainEvent<Type extends string, Data> {
  type: Type;
  data: Data;
}
