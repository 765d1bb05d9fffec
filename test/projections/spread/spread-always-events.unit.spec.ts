import { foldProjection } from '../../../src/projections/runner/projection';
import { spreadBreakdown } from '../../../src/projections/spread/spread-reports';
import { scaleUpUnits, spreadLineage } from '../../../src/projections/spread/spread-scale-up';
import { spreadProjection } from '../../../src/projections/spread/spread.projection';
import { alwaysEvent, alwaysEventEvent, enrolment, programme, SLUG, trust } from './spread-fixtures';

describe('spread read model: settings, scale-up units and lineage', () => {
  const unit = (ae: string, ods: string, unitId: string, setting: string) =>
    alwaysEventEvent(ae, ods, 'ScaleUpUnitAdded', { unitId, name: unitId, setting, plannedGoLive: null });
  const state = foldProjection(spreadProjection, [
    trust('RA1'),
    trust('RA2'),
    ...programme(),
    ...enrolment('RA1', '2016-06-01'),
    ...enrolment('RA2', '2017-01-01'),
    alwaysEvent('ae-1', 'RA1', 'Maternity', '2016-07-01'),
    alwaysEvent('ae-2', 'RA1', 'Maternity', '2017-03-01', { alwaysEventId: 'ae-1', odsCode: 'RA1' }),
    alwaysEvent('ae-3', 'RA2', 'Children', '2017-04-01', { alwaysEventId: 'ae-2', odsCode: 'RA1' }),
    unit('ae-1', 'RA1', 'ward-2', 'Maternity'),
    alwaysEventEvent('ae-1', 'RA1', 'ScaleUpUnitWentLive', {
      unitId: 'ward-2',
      setting: 'Maternity',
      goLiveDate: '2017-01-01',
    }),
    unit('ae-1', 'RA1', 'ward-3', 'Maternity'),
    alwaysEventEvent('ae-1', 'RA1', 'ScaleUpUnitWentLive', {
      unitId: 'ward-3',
      setting: 'Maternity',
      goLiveDate: '2017-02-01',
    }),
    alwaysEventEvent('ae-1', 'RA1', 'ScaleUpUnitStopped', {
      unitId: 'ward-3',
      setting: 'Maternity',
      stoppedOn: '2017-06-01',
      reason: 'Ward closed',
    }),
    unit('ae-3', 'RA2', 'clinic-1', 'Children'),
  ]);

  it('breaks enrolled organisations down by the settings of their Always Events on the date', () => {
    expect(spreadBreakdown(state, SLUG, '2016-12-31', 'setting').map((r) => [r.key, r.enrolled])).toEqual([
      ['Maternity', 1],
    ]);
    // RA2 is enrolled from 2017-01-01 but has no Always Event until April.
    expect(spreadBreakdown(state, SLUG, '2017-02-01', 'setting').map((r) => [r.key, r.enrolled])).toEqual([
      ['(none)', 1],
      ['Maternity', 1],
    ]);
    expect(spreadBreakdown(state, SLUG, '2017-12-31', 'setting').map((r) => [r.key, r.enrolled])).toEqual([
      ['Children', 1],
      ['Maternity', 1],
    ]);
  });

  it('counts units live between go-live and stop', () => {
    expect(scaleUpUnits(state, SLUG, '2017-03-01')).toEqual(
      [
        { setting: 'Maternity', alwaysEvents: 1, unitsLive: 2, unitsPlanned: 0, unitsStopped: 0 },
        { setting: 'Children', alwaysEvents: 0, unitsLive: 0, unitsPlanned: 0, unitsStopped: 0 },
      ].filter((r) => r.setting === 'Maternity'),
    );
    expect(scaleUpUnits(state, SLUG, '2017-12-31')).toEqual([
      { setting: 'Maternity', alwaysEvents: 1, unitsLive: 1, unitsPlanned: 0, unitsStopped: 1 },
      { setting: 'Children', alwaysEvents: 1, unitsLive: 0, unitsPlanned: 1, unitsStopped: 0 },
    ]);
  });

  it('traces lineage: scale-up within an organisation, spread to another, with depth from the original', () => {
    expect(
      spreadLineage(state, SLUG, '2017-12-31').map((r) => [
        r.alwaysEventId,
        r.kind,
        r.depth,
        r.rootAlwaysEventId,
        r.derivedFromOdsCode,
      ]),
    ).toEqual([
      ['ae-1', 'original', 0, 'ae-1', null],
      ['ae-2', 'scale-up', 1, 'ae-1', 'RA1'],
      ['ae-3', 'spread', 2, 'ae-1', 'RA1'],
    ]);
    expect(spreadLineage(state, SLUG, '2017-03-15').map((r) => r.alwaysEventId)).toEqual(['ae-1', 'ae-2']);
  });
});
