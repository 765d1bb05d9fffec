import { AGGREGATES } from '../../src/commands/catalogue';
import { CARE_SETTINGS } from '../../src/domain/always-event';
import { validateDto } from '../../src/shared/validation/validate-dto';
import { screen } from '../../src/privacy/screening';
import { canonicalJson, sha256Hex } from '../../src/shared/canonical-json';
import { loadTrustRegister } from '../../src/trust-register/trust-register';
import { PlannedCommand } from '../../scripts/simulator/commands';
import { CASE_STUDIES } from '../../scripts/simulator/data/case-studies';
import { buildPlan, SimulationPlan } from '../../scripts/simulator/plan/build-plan';
import { REGISTER_CSV } from '../../scripts/simulator/run/run-simulation';

const register = loadTrustRegister(REGISTER_CSV);
const definitions = new Map(AGGREGATES.flatMap((a) => a.commands).map((c) => [c.name, c]));
const commandsOf = (plan: SimulationPlan) =>
  plan.tasks.flatMap((t) => t.commands().map((c) => ({ task: t.id, ...c })));
const digest = (commands: PlannedCommand[]) => sha256Hex(canonicalJson(commands));

describe('the simulation plan', () => {
  const plan = buildPlan({ seed: '42', scale: 1, register });
  const commands = commandsOf(plan);
  const bodies = (name: string) => commands.filter((c) => c.name === name).map((c) => c.body);

  it('is the same for the same seed and scale, and differs for another seed', () => {
    const small = (seed: string) => digest(commandsOf(buildPlan({ seed, scale: 0.1, register })));
    expect(small('42')).toBe(small('42'));
    expect(small('7')).not.toBe(small('42'));
    expect(plan.commandCount).toBe(commands.length);
  });

  it('gives every command a unique Idempotency-Key the service accepts, and a historical occurredAt', () => {
    const keys = commands.map((c) => c.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.every((k) => /^[A-Za-z0-9._:-]{1,128}$/.test(k))).toBe(true);
    expect(commands.every((c) => c.body.occurredAt === c.at)).toBe(true);
    // A GP practice is registered as of the day it opened, as the trust register is.
    const times = commands
      .filter((c) => c.name !== 'RegisterOrganisation')
      .map((c) => c.at)
      .sort();
    expect(times[0] >= '2015-01-01').toBe(true);
    expect(times[times.length - 1] <= '2020-12-31').toBe(true);
  });

  it('launches the programme with its four phases, the Mandate target and cohorts from 2016 to 2018', () => {
    expect(bodies('DefinePhase').map((b) => [b.name, b.startDate])).toEqual([
      ['Pilot', '2015-04-01'],
      ['ToolkitTest', '2015-11-01'],
      ['Spread', '2016-12-01'],
      ['PrimaryCareSpread', '2018-07-01'],
    ]);
    expect(bodies('SetEnrolmentTarget')).toEqual([
      expect.objectContaining({ threshold: 100, deadline: '2018-03-31', source: 'NHS Mandate 2017-18' }),
    ]);
    const launched = bodies('LaunchCohort').map((b) => String(b.launchedOn).slice(0, 4));
    expect(new Set(launched)).toEqual(new Set(['2016', '2017', '2018']));
  });

  it('enrols three pilots in 2015, ten pilot sites by 2016, over 100 by 31 March 2018 and about 135 by late 2019', () => {
    const enrolled = (by: string) =>
      bodies('EnrolOrganisation').filter((b) => String(b.enrolledOn) <= by).length;
    const withdrawn = (by: string) =>
      bodies('WithdrawOrganisation').filter((b) => String(b.withdrawnOn) <= by).length;
    expect(enrolled('2015-10-31')).toBe(3);
    expect(enrolled('2016-11-30')).toBe(10);
    expect(enrolled('2018-03-31') - withdrawn('2018-03-31')).toBeGreaterThanOrEqual(100);
    expect(enrolled('2019-10-31') - withdrawn('2019-10-31')).toBe(135);
  });

  it('picks trusts open on their enrolment day and registers GP practices with ODS-like codes in English regions', () => {
    const trusts = new Map(register.map((t) => [t.odsCode, t]));
    for (const b of bodies('EnrolOrganisation')) {
      const trust = trusts.get(String(b.odsCode));
      if (!trust) continue;
      expect(trust.openDate <= String(b.enrolledOn)).toBe(true);
      expect(trust.closeDate === null || trust.closeDate > String(b.enrolledOn)).toBe(true);
    }
    const practices = bodies('RegisterOrganisation');
    expect(practices.length).toBeGreaterThanOrEqual(10);
    for (const p of practices) {
      expect(p).toMatchObject({ type: 'GPPractice', isNhsTrust: false });
      expect(String(p.odsCode)).toMatch(/^[A-Z]\d{5}$/);
      expect(['Y56', 'Y58', 'Y59', 'Y60', 'Y61', 'Y62', 'Y63']).toContain(p.regionCode);
    }
  });

  it('runs Always Events in every setting the sources name, with spread lineage', () => {
    const settings = new Set(
      bodies('InitiateAlwaysEvent').map((b) => (b.homeUnit as { setting: string }).setting),
    );
    // Every care setting but the two catch-alls (CareHome, Other) the sources do not name for Always Events.
    for (const named of CARE_SETTINGS.filter((s) => s !== 'CareHome' && s !== 'Other')) {
      expect(settings).toContain(named);
    }
    expect(bodies('InitiateAlwaysEvent').filter((b) => b.derivedFromAlwaysEventId).length).toBeGreaterThan(5);
  });

  it('drafts the three case studies (and the other published examples) with their published statements', () => {
    for (const caseStudy of CASE_STUDIES) {
      const ref = plan.caseStudies.find((c) => c.caseId === caseStudy.caseId);
      expect(ref).toMatchObject({ odsCode: caseStudy.odsCode, vision: caseStudy.vision });
      expect(bodies('DraftStatement')).toContainEqual(
        expect.objectContaining({ alwaysEventId: ref?.alwaysEventId, visionStatement: caseStudy.vision }),
      );
    }
    expect(plan.caseStudies.map((c) => [c.odsCode, c.vision])).toEqual(
      expect.arrayContaining([
        ['RYX', 'We will always be supported to be involved in the planning and delivery of our care'],
        ['RW5', 'My Voice Always Matters'],
        ['RV9', 'We will always be able to contact people who are important to us 24hrs a day'],
      ]),
    );
  });

  it('has PDSA chains that adapt then adopt, some that abandon, and aims achieved, lost and sustained', () => {
    const decisions = bodies('CompletePdsaCycle').map((b) => b.decision);
    expect(new Set(decisions)).toEqual(new Set(['Adopt', 'Adapt', 'Abandon']));
    expect(bodies('DeclareAimAchieved').length).toBeGreaterThan(bodies('InitiateAlwaysEvent').length / 2);
    expect(bodies('DeclareAimAchieved').length).toBeLessThan(bodies('InitiateAlwaysEvent').length);
    for (const name of [
      'RecordSustainmentLoss',
      'ConfirmSustainment',
      'CorrectMeasurement',
      'AmendMonthlyReturn',
    ]) {
      expect(bodies(name).length).toBeGreaterThan(0);
    }
    expect(bodies('RecordSponsorVacancy').length).toBeGreaterThan(0);
  });

  it('multiplies Always Events, not organisations, with the scale', () => {
    const doubled = buildPlan({ seed: '42', scale: 2, register });
    expect(doubled.organisations.map((o) => o.odsCode)).toEqual(plan.organisations.map((o) => o.odsCode));
    const synthetic = (p: SimulationPlan) => p.alwaysEvents.length - p.caseStudies.length;
    expect(synthetic(doubled) / synthetic(plan)).toBeGreaterThan(1.8);
    expect(synthetic(doubled) / synthetic(plan)).toBeLessThan(2.2);
  });

  /**
   * The Model for Improvement as the simulated teams work it: driver diagrams and recalculated limits.
   * On this plan's commands, task by task: building another plan of the same seed and scale repeats them.
   */
  describe('driver diagrams and recalculations', () => {
    const byTask = new Map<string, typeof commands>();
    for (const command of commands) {
      const own = byTask.get(command.task);
      if (own) own.push(command);
      else byTask.set(command.task, [command]);
    }
    const tasks = plan.tasks
      .filter((t) => t.id.startsWith('always-event/'))
      .map((t) => byTask.get(t.id) ?? []);

    it('draws a driver diagram for every Always Event whose statement is agreed, after the agreement', () => {
      const agreed = tasks.filter((commands) => commands.some((c) => c.name === 'AgreeStatement'));
      const drawn = agreed.filter((commands) => commands.some((c) => c.name === 'AddDriver'));
      expect(drawn.length).toBeGreaterThan(agreed.length * 0.9);
      for (const commands of drawn) {
        const agreedAt = commands.find((c) => c.name === 'AgreeStatement')?.at ?? '';
        expect(commands.filter((c) => c.name === 'AddDriver').every((c) => c.at > agreedAt)).toBe(true);
        const proposed = new Map(
          commands.filter((c) => c.name === 'ProposeChangeIdea').map((c) => [c.body.changeIdeaId, c.at]),
        );
        for (const link of commands.filter((c) => c.name === 'LinkDriverDiagramItem')) {
          expect((proposed.get(link.body.itemId) ?? '9999') < link.at).toBe(true);
        }
      }
      expect(drawn.some((commands) => commands.some((c) => c.name === 'RewordDriverDiagramItem'))).toBe(true);
    });

    it('records a recalculation where a team would: after a known change, naming it as the cause', () => {
      const recalculating = tasks.filter((commands) => commands.some((c) => c.name === 'RecalculateLimits'));
      expect(recalculating.length).toBeGreaterThan(20);
      for (const commands of recalculating) {
        const recalculations = commands.filter((c) => c.name === 'RecalculateLimits');
        const measures = recalculations.map((c) => c.body.measureId);
        expect(new Set(measures).size).toBe(measures.length);
        const adopted = commands.find((c) => c.name === 'CompletePdsaCycle' && c.body.decision === 'Adopt');
        const implemented = commands.find((c) => c.name === 'StartImplementation');
        for (const recalculation of recalculations) {
          const byIdea = /^Sustained shift after ".+" was adopted$/.test(String(recalculation.body.reason));
          const cause = byIdea ? adopted : implemented;
          expect(cause && cause.at < recalculation.at).toBe(true);
          expect(
            byIdea ||
              recalculation.body.reason === 'Sustained shift since implementation started on the home unit',
          ).toBe(true);
        }
      }
    });
  });
});

describe('a smaller plan, command by command', () => {
  const commands = commandsOf(buildPlan({ seed: '42', scale: 0.25, register }));

  it('passes every DTO validation of the public command API', async () => {
    // Collected, then asserted once: an expect per command is most of this test's time.
    const failures: Array<{ name: string; key: string; problem: unknown }> = [];
    for (const command of commands) {
      const definition = definitions.get(command.name);
      const screened = screen(command.body);
      if (!definition || screened.length > 0) {
        failures.push({
          name: command.name,
          key: command.idempotencyKey,
          problem: definition ? screened : 'unknown',
        });
        continue;
      }
      await validateDto(definition.dto, command.body).catch((error: unknown) =>
        failures.push({ name: command.name, key: command.idempotencyKey, problem: String(error) }),
      );
    }
    expect(commands.length).toBeGreaterThan(1000);
    expect(failures.slice(0, 5)).toEqual([]);
  }, 300_000);

  it('writes each stream from one task only, or from tasks that run one after another', async () => {
    const plan = buildPlan({ seed: '42', scale: 0.25, register });
    const ancestors = new Map<string, Set<string>>();
    const ancestorsOf = (id: string): Set<string> => {
      const known = ancestors.get(id);
      if (known) return known;
      const task = plan.tasks.find((t) => t.id === id)!;
      const all = new Set(task.after.flatMap((a) => [a, ...ancestorsOf(a)]));
      ancestors.set(id, all);
      return all;
    };
    const writers = new Map<string, Set<string>>();
    for (const command of commands) {
      const definition = definitions.get(command.name)!;
      const { streamId: stream } = await definition.accept(command.body);
      writers.set(stream, (writers.get(stream) ?? new Set()).add(command.task));
    }
    const unordered: string[] = [];
    for (const [stream, tasks] of writers) {
      const list = [...tasks];
      for (let i = 1; i < list.length; i++) {
        const ordered = ancestorsOf(list[i]).has(list[i - 1]) || ancestorsOf(list[i - 1]).has(list[i]);
        if (!ordered) unordered.push(`${stream}: ${list[i - 1]} and ${list[i]}`);
      }
    }
    expect(writers.size).toBeGreaterThan(100);
    expect(unordered).toEqual([]);
  }, 300_000);
});
