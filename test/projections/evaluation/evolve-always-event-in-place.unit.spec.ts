import fc from 'fast-check';
import { AlwaysEventEvent, evolve, initialState } from '../../../src/domain/always-event';
import { evolveAlwaysEventInPlace } from '../../../src/projections/evaluation/evolve-always-event-in-place';

const subject = { alwaysEventId: 'ae-1', programmeSlug: 'p', odsCode: 'RA1' };
const initiated = {
  type: 'AlwaysEventInitiated',
  data: {
    ...subject,
    homeUnit: { unitId: 'ward-1', name: 'Ward 1', setting: 'AcuteInpatient' },
    population: 'adults',
    derivedFrom: null,
    initiatedAt: '2017-01-01T00:00:00Z',
  },
} as unknown as AlwaysEventEvent;

const step = fc.oneof(
  fc.record({
    type: fc.constantFrom('ProgressScoreRecorded', 'ProgressScoreAmended'),
    data: fc.record({
      alwaysEventId: fc.constant('ae-1'),
      period: fc.constantFrom('2017-01', '2017-02', '2017-03'),
      score: fc.constantFrom(0.5, 1, 1.5, 2, 3, 4, 5),
    }),
  }),
  fc.record({
    type: fc.constant('CoDesignTeamMemberJoined'),
    data: fc.record({
      alwaysEventId: fc.constant('ae-1'),
      memberId: fc.constantFrom('m1', 'm2'),
      category: fc.constantFrom('Patient', 'Staff'),
    }),
  }),
);

describe('evolveAlwaysEventInPlace', () => {
  it("folds any sequence of scores among other facts to what the decider's evolve folds", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const events = [initiated, ...(steps as unknown as AlwaysEventEvent[])];
        expect(events.reduce(evolveAlwaysEventInPlace, initialState())).toEqual(
          events.reduce(evolve, initialState()),
        );
      }),
    );
  });
});
