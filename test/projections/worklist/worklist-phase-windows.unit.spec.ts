import { foldProjection } from '../../../src/projections/runner/projection';
import { spreadProjection } from '../../../src/projections/spread/spread.projection';
import { programmeWorklist } from '../../../src/projections/worklist/worklist-report';
import { worklistProjection } from '../../../src/projections/worklist/worklist.projection';
import {
  enrolment,
  phaseClosed,
  phaseWindow,
  pilotPhase,
  programme,
  SLUG,
  trust,
} from '../spread/spread-fixtures';

/**
 * The worklist ends where each organisation's phase ends (docs/analysts/
 * programme-team.md, "Reporting windows"): RP1 is in a pilot closed on
 * 2016-09-30; RS1 is in the spread phase, whose window runs from 2017-02-01.
 * Neither has sent a single return.
 */
describe('the worklist within phase windows', () => {
  const events = [
    trust('RP1'),
    trust('RS1'),
    ...programme(),
    pilotPhase(),
    ...enrolment('RP1', '2016-06-01', { phaseId: 'pilot' }),
    ...enrolment('RS1', '2016-12-01'),
    phaseClosed('pilot', '2016-09-30'),
    phaseWindow('spread', '2017-02-01', '2018-12-31'),
  ];
  const models = {
    spread: foldProjection(spreadProjection, events),
    worklist: foldProjection(worklistProjection, events),
  };
  const overdue = (applyWindow: boolean) =>
    programmeWorklist(models, SLUG, '2017-06-15', applyWindow)
      .items.filter((item) => item.rule === 'return-overdue')
      .map((item) => `${item.odsCode} ${item.period}`);

  it('raises nothing for an organisation whose phase has closed, and no month before its phase window starts', () => {
    // RS1: December and January end before its window starts; April is not yet 30 days overdue.
    expect(overdue(true)).toEqual(['RS1 2017-02', 'RS1 2017-03']);
  });

  it('raises every overdue month of both with window=none', () => {
    const all = overdue(false);
    expect(all.filter((item) => item.startsWith('RS1')).sort()).toEqual([
      'RS1 2016-12',
      'RS1 2017-01',
      'RS1 2017-02',
      'RS1 2017-03',
    ]);
    // RP1 from June 2016 to March 2017 (ten months).
    expect(all.filter((item) => item.startsWith('RP1'))).toHaveLength(10);
  });
});
