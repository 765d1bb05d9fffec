import type { WorklistThresholds } from '../../../src/domain/programme';
import {
  EvaluateWorklist,
  evaluationDate,
  WorklistItemAt,
  WorklistItemClosed,
  WorklistItemOpened,
  WorklistItemRevised,
  worklistDecider,
} from '../../../src/domain/worklist';
import { context, deciderSpec } from '../support/decider-spec';

const spec = deciderSpec(worklistDecider);
const programmeSlug = 'always-events-england';
const THRESHOLDS: WorklistThresholds = {
  returnOverdueDays: 30,
  pdsaQuietWeeks: 8,
  statementAwaitingWeeks: 6,
  sustainmentPlanWeeks: 12,
};

const overdueReturn: WorklistItemAt = {
  itemId: 'return-overdue:aaaa',
  rule: 'return-overdue',
  programmeSlug,
  odsCode: 'RYX',
  alwaysEventId: null,
  period: '2017-10',
  since: '2017-12-30',
};
const vacancy: WorklistItemAt = {
  itemId: 'sponsor-vacant:bbbb',
  rule: 'sponsor-vacant',
  programmeSlug,
  odsCode: 'RJ1',
  alwaysEventId: null,
  period: null,
  since: '2017-11-02',
};
const quietPdsa: WorklistItemAt = {
  itemId: 'pdsa-quiet:cccc',
  rule: 'pdsa-quiet',
  programmeSlug,
  odsCode: 'RYX',
  alwaysEventId: '0b6f3c5e-9a53-4a8e-8d7e-2f8a7a1c6f10',
  period: null,
  since: '2017-12-01',
};

const evaluate = (
  items: WorklistItemAt[],
  evaluatedOn = '2018-01-05',
  thresholds = THRESHOLDS,
): EvaluateWorklist => ({
  type: 'EvaluateWorklist',
  data: { programmeSlug, evaluatedOn, thresholds, items },
  context: context(),
  facts: undefined,
});

const opened = (item: WorklistItemAt, openedOn = '2018-01-05', value?: number): WorklistItemOpened => ({
  type: 'WorklistItemOpened',
  data: {
    ...item,
    threshold:
      item.rule === 'sponsor-vacant'
        ? null
        : item.rule === 'return-overdue'
          ? { setting: 'returnOverdueDays', value: value ?? 30 }
          : { setting: 'pdsaQuietWeeks', value: value ?? 8 },
    openedOn,
  },
});
const closed = (item: WorklistItemAt, closedOn = '2018-01-05'): WorklistItemClosed => {
  const { openedOn: _openedOn, ...data } = opened(item).data;
  return { type: 'WorklistItemClosed', data: { ...data, closedOn } };
};

const revised = (item: WorklistItemAt, value: number, revisedOn = '2018-01-05'): WorklistItemRevised => {
  const { openedOn: _openedOn, ...data } = opened(item, revisedOn, value).data;
  return { type: 'WorklistItemRevised', data: { ...data, revisedOn } };
};

describe('Worklist transitions: the worklist as computed against the items the log holds open', () => {
  it('opens every item of a first evaluation, in item order, each with its subject, since and threshold', () => {
    spec
      .given([])
      .when(evaluate([quietPdsa, overdueReturn, vacancy]))
      .then([opened(quietPdsa), opened(overdueReturn), opened(vacancy)]);
  });

  it('writes nothing when the list is what the log holds open', () => {
    spec
      .given([opened(overdueReturn, '2018-01-01'), opened(vacancy, '2018-01-01')])
      .when(evaluate([vacancy, overdueReturn]))
      .then([]);
  });

  it('closes what left the list and opens what joined it, closes first', () => {
    spec
      .given([opened(overdueReturn, '2018-01-01'), opened(vacancy, '2018-01-01')])
      .when(evaluate([vacancy, quietPdsa]))
      .then([closed(overdueReturn), opened(quietPdsa)]);
  });

  it('closes with the since recorded at opening and the threshold in force now', () => {
    const raised = { ...THRESHOLDS, returnOverdueDays: 60 };
    spec
      .given([opened(overdueReturn, '2018-01-01')])
      .when(evaluate([], '2018-01-05', raised))
      .then([
        {
          type: 'WorklistItemClosed',
          data: { ...closed(overdueReturn).data, threshold: { setting: 'returnOverdueDays', value: 60 } },
        },
      ]);
  });

  it('revises an item still listed whose threshold moved its since: the new since and threshold, nothing opened or closed', () => {
    const raised = { ...THRESHOLDS, returnOverdueDays: 45 };
    const moved = { ...overdueReturn, since: '2018-01-14' };
    spec
      .given([opened(overdueReturn, '2018-01-01'), opened(vacancy, '2018-01-01')])
      .when(evaluate([vacancy, moved], '2018-02-01', raised))
      .then([revised(moved, 45, '2018-02-01')]);
  });

  it('revises when only the threshold changed, and writes nothing once the revision is in the log', () => {
    const lowered = { ...THRESHOLDS, pdsaQuietWeeks: 6 };
    spec
      .given([opened(quietPdsa, '2018-01-01')])
      .when(evaluate([quietPdsa], '2018-01-05', lowered))
      .then([revised(quietPdsa, 6)]);
    spec
      .given([opened(quietPdsa, '2018-01-01'), revised(quietPdsa, 6)])
      .when(evaluate([quietPdsa], '2018-01-06', lowered))
      .then([]);
    const state = [opened(quietPdsa, '2018-01-01'), revised(quietPdsa, 6)].reduce(
      worklistDecider.evolve,
      worklistDecider.initialState(),
    );
    expect(state).toEqual({
      open: { [quietPdsa.itemId]: { ...quietPdsa, threshold: { setting: 'pdsaQuietWeeks', value: 6 } } },
      lastEvaluatedOn: '2018-01-05',
    });
  });

  it('closes a revised item with the since and threshold of its revision; closes, revisions, then opens', () => {
    const raised = { ...THRESHOLDS, returnOverdueDays: 45 };
    const moved = { ...overdueReturn, since: '2018-01-14' };
    const { revisedOn: _revisedOn, ...data } = revised(moved, 45, '2018-02-01').data;
    spec
      .given([opened(overdueReturn, '2018-01-01'), revised(moved, 45, '2018-02-01')])
      .when(evaluate([], '2018-02-02', raised))
      .then([{ type: 'WorklistItemClosed', data: { ...data, closedOn: '2018-02-02' } }]);
    spec
      .given([opened(overdueReturn, '2018-01-01'), opened(vacancy, '2018-01-01')])
      .when(evaluate([moved, quietPdsa], '2018-02-01', raised))
      .then([
        closed(vacancy, '2018-02-01'),
        revised(moved, 45, '2018-02-01'),
        opened(quietPdsa, '2018-02-01'),
      ]);
  });

  it('opens an item again after it closed (a vacancy that recurs)', () => {
    spec
      .given([opened(vacancy, '2017-12-01'), closed(vacancy, '2017-12-20')])
      .when(evaluate([vacancy]))
      .then([opened(vacancy)]);
  });

  it('never evaluates at a date before one already recorded (a clock behind another instance)', () => {
    const state = [opened(vacancy, '2018-01-07')].reduce(
      worklistDecider.evolve,
      worklistDecider.initialState(),
    );
    expect(evaluationDate('2018-01-06', state)).toBe('2018-01-07');
    expect(evaluationDate('2018-01-08', state)).toBe('2018-01-08');
    expect(evaluationDate('2018-01-06', worklistDecider.initialState())).toBe('2018-01-06');
  });
});
