import { loadTrustRegister } from '../../src/trust-register/trust-register';
import { buildPlan } from '../../scripts/simulator/plan/build-plan';
import { REGISTER_CSV } from '../../scripts/simulator/run/run-simulation';

/** The Model for Improvement as the simulated teams work it: driver diagrams and recalculated limits. */
describe('the simulation plan: driver diagrams and recalculations', () => {
  const plan = buildPlan({
    seed: '42',
    scale: 1,
    register: loadTrustRegister(REGISTER_CSV),
  });
  const tasks = plan.tasks.filter((t) => t.id.startsWith('always-event/')).map((t) => t.commands());

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
