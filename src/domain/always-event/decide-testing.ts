import { DomainError, ensure } from '../shared';
import { LinkMeasure, ProposeChangeIdea, StartImplementation, StartTesting } from './commands';
import { ChangeIdeaProposed, ImplementationStarted, MeasureLinked, TestingStarted } from './events';
import { ensureOpen, ensurePhase, FROM_CO_DESIGN } from './guards';
import { AlwaysEventState } from './state';
import { CareUnit, CO_DESIGNED_ORIGINS } from './values';

export function proposeChangeIdea(command: ProposeChangeIdea, state: AlwaysEventState): ChangeIdeaProposed[] {
  const subject = ensureOpen(state);
  // Blank canvas (docs/architecture/improvement-method.md): no solutions before the team has listened and started co-design.
  ensurePhase(state, FROM_CO_DESIGN, 'change-idea-before-co-design', 'ProposeChangeIdea');
  const { changeIdeaId, description, origin, originatingSessionId } = command.data;
  ensure(
    !(changeIdeaId in state.changeIdeas),
    'change-idea-already-proposed',
    `Change idea ${changeIdeaId} is already proposed`,
  );
  const brought = state.phase === 'CoDesign' && !CO_DESIGNED_ORIGINS.includes(origin);
  return [
    {
      type: 'ChangeIdeaProposed',
      data: {
        ...subject,
        changeIdeaId,
        description,
        origin,
        originatingSessionId,
        warnings: brought ? ['idea-not-co-designed-during-co-design'] : [],
      },
    },
  ];
}

export function linkMeasure(command: LinkMeasure, state: AlwaysEventState): MeasureLinked[] {
  const subject = ensureOpen(state);
  const { measureId, role } = command.data;
  const measure = command.facts.measure;
  if (measure === null) {
    throw new DomainError('measure-not-found', `There is no measure ${measureId}`, 'invalid', 'measureId');
  }
  ensure(
    measure.alwaysEventId === subject.alwaysEventId,
    'measure-of-another-always-event',
    `Measure ${measureId} belongs to Always Event ${measure.alwaysEventId}`,
    'invalid',
    'measureId',
  );
  ensure(
    measure.role === role,
    'measure-role-mismatch',
    `Measure ${measureId} is defined as a ${measure.role} measure, not ${role}`,
    'invalid',
    'role',
  );
  ensure(!(measureId in state.measures), 'measure-already-linked', `Measure ${measureId} is already linked`);
  return [{ type: 'MeasureLinked', data: { ...subject, measureId, role, measureName: measure.name } }];
}

export function startTesting(command: StartTesting, state: AlwaysEventState): TestingStarted[] {
  const subject = ensureOpen(state);
  ensurePhase(state, ['StatementAgreed'], 'statement-not-agreed', 'StartTesting');
  const linked = (role: string) =>
    Object.entries(state.measures)
      .filter(([, r]) => r === role)
      .map(([id]) => id);
  const [outcomeMeasureIds, processMeasureIds, balancingMeasureIds] = [
    linked('Outcome'),
    linked('Process'),
    linked('Balancing'),
  ];
  ensure(outcomeMeasureIds.length > 0, 'no-outcome-measure', 'Link an Outcome measure before testing');
  ensure(processMeasureIds.length > 0, 'no-process-measure', 'Link a Process measure before testing');
  return [
    {
      type: 'TestingStarted',
      data: {
        ...subject,
        setting: (state.homeUnit as CareUnit).setting,
        outcomeMeasureIds,
        processMeasureIds,
        balancingMeasureIds,
        warnings: balancingMeasureIds.length === 0 ? ['no-balancing-measure'] : [],
        startedAt: command.context.occurredAt,
      },
    },
  ];
}

export function startImplementation(
  command: StartImplementation,
  state: AlwaysEventState,
): ImplementationStarted[] {
  const subject = ensureOpen(state);
  ensurePhase(state, ['Testing'], 'testing-not-started', 'StartImplementation');
  const ids = command.data.pdsaCycleIds;
  ensure(
    ids.length > 0,
    'no-adopted-change-idea',
    'Name at least one completed PDSA cycle that adopted a change idea',
    'invalid',
    'pdsaCycleIds',
  );
  const cycles = ids.map((id) => {
    const cycle = command.facts.pdsaCycles.find((c) => c.pdsaCycleId === id);
    ensure(cycle?.alwaysEventId, 'pdsa-cycle-not-found', `No PDSA cycle ${id}`, 'invalid', 'pdsaCycleIds');
    ensure(
      cycle.alwaysEventId === subject.alwaysEventId,
      'pdsa-cycle-of-another-always-event',
      `PDSA cycle ${id} tests a change for Always Event ${cycle.alwaysEventId}`,
      'invalid',
      'pdsaCycleIds',
    );
    ensure(
      cycle.changeIdeaId !== null && cycle.changeIdeaId in state.changeIdeas,
      'change-idea-not-found',
      `PDSA cycle ${id} tests change idea ${cycle.changeIdeaId}, which is not on this Always Event`,
      'invalid',
      'pdsaCycleIds',
    );
    ensure(
      cycle.status === 'Completed' && cycle.decision === 'Adopt',
      'pdsa-cycle-not-adopted',
      `PDSA cycle ${id} is ${cycle.status}${cycle.decision ? ` (${cycle.decision})` : ''}, not completed with Adopt`,
    );
    return cycle;
  });
  return [
    {
      type: 'ImplementationStarted',
      data: {
        ...subject,
        setting: (state.homeUnit as CareUnit).setting,
        adoptedChangeIdeaIds: [...new Set(cycles.map((c) => c.changeIdeaId as string))],
        pdsaCycleIds: cycles.map((c) => c.pdsaCycleId),
        startedAt: command.context.occurredAt,
      },
    },
  ];
}
