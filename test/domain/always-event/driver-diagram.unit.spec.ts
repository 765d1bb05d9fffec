import { AlwaysEventCommand, alwaysEventDecider, AlwaysEventEvent } from '../../../src/domain/always-event';
import { deciderSpec, NOW } from '../support/decider-spec';
import { stateOf } from '../support/history';
import {
  AE,
  command,
  commands,
  IDEA,
  inCoDesign,
  OTHER_AE,
  OUTCOME_MEASURE,
  PDSA,
  subject,
  testingSteps,
  eventsOf,
} from './fixtures';

const spec = deciderSpec(alwaysEventDecider);
const PRIMARY = 'd1d1d1d1-0000-4000-8000-000000000001';
const SECONDARY = 'd1d1d1d1-0000-4000-8000-000000000002';
const TERTIARY = 'd1d1d1d1-0000-4000-8000-000000000003';
const OTHER_PRIMARY = 'd1d1d1d1-0000-4000-8000-000000000004';

const add = (driverId: string, level: 'Primary' | 'Secondary', parentDriverIds: string[] = []) =>
  command('AddDriver', { driverId, level, text: `Driver ${driverId.slice(-1)}`, parentDriverIds });
const cycle = (
  overrides: Partial<{ alwaysEventId: string; odsCode: string; changeIdeaId: string }> = {},
) => ({
  pdsaCycleId: PDSA,
  alwaysEventId: AE,
  odsCode: 'RV9',
  changeIdeaId: IDEA,
  ...overrides,
});
const link = (
  itemId: string,
  parentDriverIds: string[],
  more: { pdsaCycleIds?: string[]; measureIds?: string[]; facts?: ReturnType<typeof cycle>[] } = {},
) =>
  command(
    'LinkDriverDiagramItem',
    { itemId, parentDriverIds, pdsaCycleIds: more.pdsaCycleIds ?? [], measureIds: more.measureIds ?? [] },
    { pdsaCycles: more.facts ?? [] },
  );

/** Testing, with a primary and a secondary driver and the change idea placed under the secondary one. */
const diagramSteps: AlwaysEventCommand[] = [
  ...testingSteps,
  add(PRIMARY, 'Primary'),
  add(SECONDARY, 'Secondary', [PRIMARY]),
  link(IDEA, [SECONDARY]),
];
const withDiagram: AlwaysEventEvent[] = eventsOf(...diagramSteps);

describe('Always Event: the driver diagram', () => {
  describe('AddDriver', () => {
    it('adds a primary driver under the aim once the statement is agreed', () => {
      spec
        .given(eventsOf(...testingSteps))
        .when(add(PRIMARY, 'Primary'))
        .then([
          {
            type: 'DriverAdded',
            data: {
              ...subject,
              driverId: PRIMARY,
              level: 'Primary',
              text: 'Driver 1',
              parentDriverIds: [],
              addedAt: NOW,
            },
          },
        ]);
    });

    it('refuses a driver before there is an aim to drive', () => {
      spec.given(inCoDesign).when(add(PRIMARY, 'Primary')).thenThrows('driver-diagram-needs-aim', 'conflict');
    });

    it('refuses an orphan secondary driver, and a primary driver under a driver', () => {
      spec
        .given(withDiagram)
        .when(add(TERTIARY, 'Secondary'))
        .thenThrows('orphan-secondary-driver', 'invalid', 'parentDriverIds');
      spec
        .given(withDiagram)
        .when(add(OTHER_PRIMARY, 'Primary', [PRIMARY]))
        .thenThrows('primary-driver-under-driver', 'invalid', 'parentDriverIds');
    });

    it('takes secondary drivers under secondary drivers, but not under a change idea or a missing driver', () => {
      const [event] = alwaysEventDecider.decide(
        add(TERTIARY, 'Secondary', [SECONDARY]),
        stateOf(alwaysEventDecider, withDiagram),
      );
      expect(event.type).toBe('DriverAdded');
      spec
        .given(withDiagram)
        .when(add(TERTIARY, 'Secondary', [IDEA]))
        .thenThrows('driver-not-found', 'invalid');
      spec
        .given(withDiagram)
        .when(add(TERTIARY, 'Secondary', [OTHER_PRIMARY]))
        .thenThrows('driver-not-found', 'invalid');
    });

    it('refuses an id already in the diagram', () => {
      spec.given(withDiagram).when(add(IDEA, 'Primary')).thenThrows('driver-diagram-item-exists', 'conflict');
    });
  });

  describe('LinkDriverDiagramItem', () => {
    it('links a change idea to the PDSA cycle that tests it and the measure that shows it', () => {
      spec
        .given(withDiagram)
        .when(
          link(IDEA, [SECONDARY], { pdsaCycleIds: [PDSA], measureIds: [OUTCOME_MEASURE], facts: [cycle()] }),
        )
        .then([
          {
            type: 'DriverDiagramItemRelinked',
            data: {
              ...subject,
              itemId: IDEA,
              kind: 'ChangeIdea',
              parentDriverIds: [SECONDARY],
              pdsaCycleIds: [PDSA],
              measureIds: [OUTCOME_MEASURE],
              previous: { parentDriverIds: [SECONDARY], pdsaCycleIds: [], measureIds: [] },
            },
          },
        ]);
    });

    it('refuses a change idea linked under itself, and a driver under what sits under it: no cycles', () => {
      spec
        .given(withDiagram)
        .when(link(IDEA, [IDEA]))
        .thenThrows('driver-diagram-cycle', 'invalid', 'parentDriverIds');
      const deeper = [
        ...withDiagram,
        ...alwaysEventDecider.decide(
          add(TERTIARY, 'Secondary', [SECONDARY]),
          stateOf(alwaysEventDecider, withDiagram),
        ),
      ];
      spec
        .given(deeper)
        .when(link(SECONDARY, [TERTIARY]))
        .thenThrows('driver-diagram-cycle', 'invalid', 'parentDriverIds');
    });

    it('refuses a change idea placed under no driver: an orphan', () => {
      spec
        .given(withDiagram)
        .when(link(IDEA, []))
        .thenThrows('orphan-change-idea', 'invalid', 'parentDriverIds');
    });

    it.each([
      [
        'another organisation’s cycle',
        cycle({ odsCode: 'RYX', alwaysEventId: OTHER_AE }),
        'pdsa-cycle-of-another-organisation',
      ],
      [
        'another Always Event’s cycle',
        cycle({ alwaysEventId: OTHER_AE }),
        'pdsa-cycle-of-another-always-event',
      ],
      [
        'a cycle testing another idea',
        cycle({ changeIdeaId: OTHER_PRIMARY }),
        'pdsa-cycle-tests-another-change-idea',
      ],
    ])('refuses a link to %s', (_, fact, rule) => {
      spec
        .given(withDiagram)
        .when(link(IDEA, [SECONDARY], { pdsaCycleIds: [PDSA], facts: [fact] }))
        .thenThrows(rule, 'invalid', 'pdsaCycleIds');
    });

    it('refuses a PDSA cycle that does not exist, a measure not linked, links on a driver, and a link that changes nothing', () => {
      const missing = { pdsaCycleId: PDSA, alwaysEventId: null, odsCode: null, changeIdeaId: null };
      spec
        .given(withDiagram)
        .when(
          command(
            'LinkDriverDiagramItem',
            { itemId: IDEA, parentDriverIds: [SECONDARY], pdsaCycleIds: [PDSA], measureIds: [] },
            { pdsaCycles: [missing] },
          ),
        )
        .thenThrows('pdsa-cycle-not-found', 'invalid', 'pdsaCycleIds');
      spec
        .given(withDiagram)
        .when(link(IDEA, [SECONDARY], { measureIds: [OTHER_PRIMARY] }))
        .thenThrows('measure-not-linked', 'invalid', 'measureIds');
      spec
        .given(withDiagram)
        .when(link(SECONDARY, [PRIMARY], { measureIds: [OUTCOME_MEASURE] }))
        .thenThrows('links-only-for-change-ideas', 'invalid', 'measureIds');
      spec
        .given(withDiagram)
        .when(link(IDEA, [SECONDARY]))
        .thenThrows('relinking-changes-nothing', 'invalid');
    });
  });

  describe('RewordDriverDiagramItem and RetireDriverDiagramItem', () => {
    it('rewords a driver, keeping the words it replaces', () => {
      spec
        .given(withDiagram)
        .when(
          command('RewordDriverDiagramItem', {
            itemId: PRIMARY,
            text: 'Equipment ready at all hours',
            reason: 'Clearer',
          }),
        )
        .then([
          {
            type: 'DriverDiagramItemReworded',
            data: {
              ...subject,
              itemId: PRIMARY,
              kind: 'PrimaryDriver',
              text: 'Equipment ready at all hours',
              previousText: 'Driver 1',
              reason: 'Clearer',
            },
          },
        ]);
    });

    it('refuses rewording to the same words, or an item that is not there', () => {
      spec
        .given(withDiagram)
        .when(command('RewordDriverDiagramItem', { itemId: PRIMARY, text: 'Driver 1', reason: 'x' }))
        .thenThrows('rewording-changes-nothing', 'invalid', 'text');
      spec
        .given(withDiagram)
        .when(command('RewordDriverDiagramItem', { itemId: OTHER_PRIMARY, text: 'New', reason: 'x' }))
        .thenThrows('driver-diagram-item-not-found', 'invalid', 'itemId');
    });

    it('refuses retiring a driver that would strand what sits under it; retires a change idea for good', () => {
      const retire = (itemId: string) =>
        command('RetireDriverDiagramItem', { itemId, reason: 'Not a driver after all' });
      spec.given(withDiagram).when(retire(SECONDARY)).thenThrows('driver-has-active-children', 'conflict');
      const retired = [
        ...withDiagram,
        ...alwaysEventDecider.decide(retire(IDEA), stateOf(alwaysEventDecider, withDiagram)),
      ];
      expect(stateOf(alwaysEventDecider, retired).diagram[IDEA].retired).toBe(true);
      const [event] = alwaysEventDecider.decide(retire(SECONDARY), stateOf(alwaysEventDecider, retired));
      expect(event).toMatchObject({
        type: 'DriverDiagramItemRetired',
        data: { itemId: SECONDARY, kind: 'SecondaryDriver' },
      });
      spec
        .given(retired)
        .when(link(IDEA, [SECONDARY]))
        .thenThrows('driver-diagram-item-retired', 'conflict');
    });
  });

  it('folds the diagram: the change idea with its words from the proposal, under its driver', () => {
    const state = stateOf(alwaysEventDecider, withDiagram);
    expect(state.diagram[IDEA]).toEqual({
      kind: 'ChangeIdea',
      text: commands.proposeIdea().data.description,
      retired: false,
      parentDriverIds: [SECONDARY],
      pdsaCycleIds: [],
      measureIds: [],
    });
    expect(state.diagram[SECONDARY]).toMatchObject({ kind: 'SecondaryDriver', parentDriverIds: [PRIMARY] });
  });
});
