import { COMMAND_POLICIES, READ_MODEL_ROUTE, ROUTE_POLICIES } from '../../src/auth/policy';
import { ROLES, Role } from '../../src/auth/principal';
import { AGGREGATES } from '../../src/commands/catalogue';

const commandsOf = (category: string) =>
  AGGREGATES.filter((a) => a.category === category).flatMap((a) => a.commands.map((c) => c.name));
const runnableBy = (role: Role) =>
  Object.keys(COMMAND_POLICIES).filter((n) => COMMAND_POLICIES[n].roles.includes(role));
const routesFor = (role: Role) =>
  Object.keys(ROUTE_POLICIES).filter((k) => ROUTE_POLICIES[k].roles?.includes(role));

/**
 * The rules, stated independently of the table, so a change to the
 * table that breaks one of them fails here (the matrix only checks that the
 * guard enforces whatever the table says).
 */
describe('the access policy says what the issue asks', () => {
  it('has an entry for every command in the catalogue', () => {
    const commands = AGGREGATES.flatMap((a) => a.commands.map((c) => c.name));
    expect(commands.filter((name) => !(name in COMMAND_POLICIES))).toEqual([]);
  });

  it('lets the national team run every command', () => {
    expect(Object.keys(COMMAND_POLICIES).filter((n) => !runnableBy('programme-admin').includes(n))).toEqual(
      [],
    );
  });

  it('keeps programme, register and enrolment decisions from submitters', () => {
    const national = [
      ...commandsOf('programme'),
      ...commandsOf('organisation'),
      'EnrolOrganisation',
      'AssignToCohort',
      'CompleteParticipation',
      'CommissionEvaluation',
    ];
    expect(national.filter((name) => runnableBy('submitter').includes(name))).toEqual([]);
  });

  it("scopes every submitter command to the submitter's organisations", () => {
    const unscoped = runnableBy('submitter').filter((n) => COMMAND_POLICIES[n].scope !== 'organisation');
    expect(unscoped).toEqual([]);
    expect(runnableBy('submitter')).toEqual(
      expect.arrayContaining([...commandsOf('engagement'), 'ExpressInterest', 'SignParticipationCommitment']),
    );
  });

  it('lets analysts and auditors write nothing, and evaluators only their evaluation records', () => {
    expect(runnableBy('analyst')).toEqual([]);
    expect(runnableBy('auditor')).toEqual([]);
    expect(runnableBy('evaluator').sort()).toEqual(
      ['PublishReport', 'RecordFinding', 'RecordInterviews', 'RecordSurveyWave', 'TakeDataCut'].sort(),
    );
  });

  it('gives auditors history only: stream events and /v1/history', () => {
    expect(routesFor('auditor').every((k) => /^GET \/v1\/(streams|history)\//.test(k))).toBe(true);
    expect(routesFor('auditor')).toContain('GET /v1/streams/:streamId/events');
  });

  it('keeps export for evaluators and the national team, and stream events from analysts and submitters', () => {
    expect(ROUTE_POLICIES['GET /v1/export/events'].roles).toEqual(['programme-admin', 'evaluator']);
    expect(ROUTE_POLICIES['GET /v1/streams/:streamId/events'].roles).not.toContain('analyst');
    expect(ROUTE_POLICIES['GET /v1/streams/:streamId/events'].roles).not.toContain('submitter');
  });

  it('lets analysts read read models as of a date but not as known at one; evaluators both', () => {
    expect(READ_MODEL_ROUTE.roles).toEqual(expect.arrayContaining(['analyst', 'evaluator']));
    expect(READ_MODEL_ROUTE.knowledgeTimeTravel).toEqual(expect.arrayContaining(['evaluator']));
    expect(READ_MODEL_ROUTE.knowledgeTimeTravel).not.toContain('analyst');
  });

  it('lets a metrics credential scrape /metrics and do nothing else', () => {
    expect(runnableBy('metrics')).toEqual([]);
    expect(routesFor('metrics')).toEqual(['GET /metrics']);
  });

  it('names only known roles', () => {
    const named = [
      ...Object.values(COMMAND_POLICIES).flatMap((p) => p.roles),
      ...Object.values(ROUTE_POLICIES).flatMap((p) => p.roles ?? []),
    ];
    expect(named.filter((role) => !ROLES.includes(role))).toEqual([]);
  });
});
