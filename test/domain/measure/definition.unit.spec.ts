import { measureDecider } from '../../../src/domain/measure';
import { deciderSpec, NOW } from '../support/decider-spec';
import { decided } from '../support/history';
import { AE, alwaysEvent, command, commands, defined, definition, eventsOf, HOME, MEASURE } from './fixtures';

const spec = deciderSpec(measureDecider);
const subject = { measureId: MEASURE, alwaysEventId: AE };
const baseline = (...periods: string[]) => command('EstablishBaseline', { unitId: HOME, periods });
const ANNOTATION = 'f1f1f1f1-0000-4000-8000-000000000001';
const annotate = (period = '2018-02') =>
  command('AnnotateChart', {
    annotationId: ANNOTATION,
    period,
    unitId: HOME,
    text: 'Ward phone trolley introduced',
    pdsaCycleId: null,
    changeIdeaId: null,
  });

describe('Measure: definition, baseline, annotations', () => {
  describe('DefineMeasure', () => {
    it('defines a measure of an existing Always Event', () => {
      spec
        .given([])
        .when(commands.define())
        .then([
          {
            type: 'MeasureDefined',
            data: {
              measureId: MEASURE,
              ...definition,
              programmeSlug: 'always-events-england',
              odsCode: 'RV9',
              definitionVersion: 1,
              definedAt: NOW,
            },
          },
        ]);
    });
    it('refuses defining twice', () => {
      spec.given(defined).when(commands.define()).thenThrows('measure-already-defined', 'conflict');
    });
    it('refuses an Always Event that does not exist', () => {
      spec
        .given([])
        .when(command('DefineMeasure', definition, { alwaysEvent: null }))
        .thenThrows('always-event-not-found', 'invalid', 'alwaysEventId');
    });
    it('refuses a closed Always Event', () => {
      spec
        .given([])
        .when(command('DefineMeasure', definition, { alwaysEvent: { ...alwaysEvent, closed: true } }))
        .thenThrows('always-event-closed', 'conflict');
    });
    it('refuses a target of 0%', () => {
      spec
        .given([])
        .when(commands.define({ targetPct: 0 }))
        .thenThrows('target-out-of-range', 'invalid', 'targetPct');
    });
    it('refuses success answers without the frequency scale', () => {
      spec
        .given([])
        .when(commands.define({ responseScale: 'YesNo' }))
        .thenThrows('counts-as-success-needs-response-scale', 'invalid', 'countsAsSuccess');
    });
    it.each([null, []])('refuses the frequency scale without success answers (%p)', (countsAsSuccess) => {
      spec
        .given([])
        .when(commands.define({ countsAsSuccess }))
        .thenThrows('counts-as-success-missing', 'invalid', 'countsAsSuccess');
    });
    it('accepts a yes/no measure', () => {
      const [event] = decided(
        measureDecider,
        [],
        commands.define({ responseScale: 'YesNo', countsAsSuccess: null }),
      );
      expect(event.type === 'MeasureDefined' && event.data.responseScale).toBe('YesNo');
    });
  });

  describe('ReviseMeasureDefinition', () => {
    it('revises from a period, recording only what changed', () => {
      spec
        .given(defined)
        .when(commands.revise('2018-01', { targetPct: 90, name: definition.name }))
        .then([
          {
            type: 'MeasureDefinitionRevised',
            data: {
              ...subject,
              definitionVersion: 2,
              effectiveFromPeriod: '2018-01',
              changes: { targetPct: 90 },
              reason: 'Survey question reworded',
              revisedAt: NOW,
            },
          },
        ]);
    });
    it('refuses a revision that changes nothing', () => {
      spec
        .given(defined)
        .when(commands.revise('2018-01', { dataSource: 'PatientSurvey' }))
        .thenThrows('revision-changes-nothing', 'invalid');
    });
    it('refuses a revision not after the previous one', () => {
      spec
        .given(eventsOf(commands.define(), commands.revise('2018-01', { targetPct: 90 })))
        .when(commands.revise('2018-01', { targetPct: 95 }))
        .thenThrows('revision-not-after-previous', 'invalid', 'effectiveFromPeriod');
    });
    it('refuses a period of the wrong frequency', () => {
      spec
        .given(defined)
        .when(commands.revise('2018-W02', { targetPct: 90 }))
        .thenThrows('period-does-not-match-frequency', 'invalid', 'effectiveFromPeriod');
    });
    it('refuses a target above 100%', () => {
      spec
        .given(defined)
        .when(commands.revise('2018-01', { targetPct: 101 }))
        .thenThrows('target-out-of-range', 'invalid', 'targetPct');
    });
    it('refuses a measure never defined', () => {
      spec
        .given([])
        .when(commands.revise('2018-01', { targetPct: 90 }))
        .thenThrows('measure-not-defined');
    });
  });

  describe('EstablishBaseline', () => {
    const measured = eventsOf(
      commands.define(),
      commands.record('2017-10', 10, 20),
      commands.record('2017-11', 12, 20),
      commands.record('2017-12', 6, 20),
      commands.record('2018-01', 15, 20),
    );
    it("freezes the median of the periods' percentages", () => {
      spec
        .given(measured)
        .when(baseline('2017-12', '2017-10', '2017-11'))
        .then([
          {
            type: 'BaselineEstablished',
            data: {
              ...subject,
              unitId: HOME,
              periods: ['2017-10', '2017-11', '2017-12'],
              medianPct: 50,
              establishedAt: NOW,
            },
          },
        ]);
    });
    it('takes the mean of the middle two of an even count', () => {
      const [event] = decided(measureDecider, measured, baseline('2017-10', '2017-11', '2017-12', '2018-01'));
      expect(event.type === 'BaselineEstablished' && event.data.medianPct).toBe(55);
    });
    it('refuses a period without a current measurement', () => {
      spec
        .given(measured)
        .when(baseline('2017-10', '2017-09'))
        .thenThrows('baseline-period-without-measurement', 'invalid', 'periods');
    });
    it('refuses no periods', () => {
      spec.given(measured).when(baseline()).thenThrows('baseline-period-without-measurement', 'invalid');
    });
    it('refuses a period named twice', () => {
      spec
        .given(measured)
        .when(baseline('2017-10', '2017-10'))
        .thenThrows('baseline-periods-duplicated', 'invalid', 'periods');
    });
  });

  describe('AnnotateChart', () => {
    it('annotates a period', () => {
      spec
        .given(defined)
        .when(annotate())
        .then([{ type: 'ChartAnnotated', data: { ...annotate().data, alwaysEventId: AE } }]);
    });
    it('refuses the same annotation twice', () => {
      spec
        .given(eventsOf(commands.define(), annotate()))
        .when(annotate())
        .thenThrows('annotation-already-recorded');
    });
    it('refuses a period of the wrong frequency', () => {
      spec
        .given(defined)
        .when(annotate('2018-W07'))
        .thenThrows('period-does-not-match-frequency', 'invalid', 'period');
    });
  });

  describe('RetireMeasure', () => {
    it('retires the measure', () => {
      spec
        .given(defined)
        .when(commands.retire())
        .then([
          {
            type: 'MeasureRetired',
            data: { ...subject, reason: 'Replaced by an audit measure', retiredAt: NOW },
          },
        ]);
    });
    it('refuses retiring twice, and any later change', () => {
      const retired = eventsOf(commands.define(), commands.retire());
      spec.given(retired).when(commands.retire()).thenThrows('measure-retired', 'conflict');
      spec.given(retired).when(annotate()).thenThrows('measure-retired', 'conflict');
    });
    it('refuses a measure never defined', () => {
      spec.given([]).when(commands.retire()).thenThrows('measure-not-defined', 'conflict');
    });
  });
});
