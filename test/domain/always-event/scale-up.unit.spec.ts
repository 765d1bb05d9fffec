import { alwaysEventDecider, unitIdsOf } from '../../../src/domain/always-event';
import { stateOf } from '../support/history';
import { deciderSpec } from '../support/decider-spec';
import { command, eventsOf, HOME, implementing, implementingSteps, subject, testing } from './fixtures';

const spec = deciderSpec(alwaysEventDecider);
const ward = { unitId: 'ward-12', name: 'Ward 12', setting: 'AcuteInpatient' as const };
const add = (unit = ward) => command('AddScaleUpUnit', { unit, plannedGoLive: '2018-05-01' });
const goLive = (goLiveDate = '2018-03-01', unitId = ward.unitId) =>
  command('RecordUnitGoLive', { unitId, goLiveDate });
const stop = (stoppedOn = '2018-03-20', unitId = ward.unitId) =>
  command('StopUnit', { unitId, stoppedOn, reason: 'Ward closed for refurbishment' });
const withUnit = eventsOf(...implementingSteps, add());

describe('Always Event: scale-up units', () => {
  describe('AddScaleUpUnit', () => {
    it('adds a unit once the Always Event is implemented', () => {
      spec
        .given(implementing)
        .when(add())
        .then([{ type: 'ScaleUpUnitAdded', data: { ...subject, ...ward, plannedGoLive: '2018-05-01' } }]);
    });
    it('refuses before implementation', () => {
      spec.given(testing).when(add()).thenThrows('scale-up-before-implementation', 'conflict');
    });
    it('refuses the home unit id', () => {
      spec
        .given(implementing)
        .when(add({ ...ward, unitId: HOME.unitId }))
        .thenThrows('unit-id-taken', 'conflict', 'unit.unitId');
    });
    it('refuses a scale-up unit id already used', () => {
      spec.given(withUnit).when(add()).thenThrows('unit-id-taken');
    });
  });

  describe('RecordUnitGoLive', () => {
    it('records the go-live date', () => {
      spec
        .given(withUnit)
        .when(goLive())
        .then([
          {
            type: 'ScaleUpUnitWentLive',
            data: { ...subject, unitId: ward.unitId, setting: 'AcuteInpatient', goLiveDate: '2018-03-01' },
          },
        ]);
    });
    it('refuses an unknown unit', () => {
      spec
        .given(withUnit)
        .when(goLive('2018-03-01', 'ward-99'))
        .thenThrows('unit-not-found', 'invalid', 'unitId');
    });
    it('refuses going live twice', () => {
      spec
        .given(eventsOf(...implementingSteps, add(), goLive()))
        .when(goLive())
        .thenThrows('unit-already-live');
    });
    it('refuses a go-live date in the future', () => {
      spec.given(withUnit).when(goLive('2018-06-01')).thenThrows('date-in-future', 'invalid', 'goLiveDate');
    });
    it('refuses a stopped unit', () => {
      spec
        .given(eventsOf(...implementingSteps, add(), stop()))
        .when(goLive())
        .thenThrows('unit-stopped');
    });
  });

  describe('StopUnit', () => {
    it('records that the unit stopped', () => {
      spec
        .given(eventsOf(...implementingSteps, add(), goLive()))
        .when(stop())
        .then([
          {
            type: 'ScaleUpUnitStopped',
            data: {
              ...subject,
              unitId: ward.unitId,
              setting: 'AcuteInpatient',
              stoppedOn: '2018-03-20',
              reason: 'Ward closed for refurbishment',
            },
          },
        ]);
    });
    it('refuses an unknown unit', () => {
      spec.given(withUnit).when(stop('2018-03-20', 'ward-99')).thenThrows('unit-not-found', 'invalid');
    });
    it('refuses stopping twice', () => {
      spec
        .given(eventsOf(...implementingSteps, add(), stop()))
        .when(stop())
        .thenThrows('unit-stopped', 'conflict');
    });
    it('refuses a date in the future', () => {
      spec.given(withUnit).when(stop('2019-01-01')).thenThrows('date-in-future', 'invalid', 'stoppedOn');
    });
  });

  it('counts scale-up units, after the home unit, among the units the Always Event runs in', () => {
    const state = stateOf(alwaysEventDecider, withUnit);
    expect(unitIdsOf(state)).toEqual([HOME.unitId, ward.unitId]);
  });
});
