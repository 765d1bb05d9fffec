import { dataOf } from '../commands-of';
import { RecalculateLimitsDto, SetBaselineDto } from './limits.dtos';
import { measure } from './measure-commands-of';

/** Decisions on a unit's chart, recorded with their reasons: every profile and time travel reads them. */
export const limitDecisionCommands = [
  measure.command({
    name: 'RecalculateLimits',
    summary: "Recalculate a unit's chart limits from a period on, with the reason (a new phase)",
    description:
      'Making Data Count: recalculate when a sustained shift follows a known change to the process. ' +
      'GET /v1/measures/{measureId}/recalculation-proposals says where the rules see one.',
    dto: RecalculateLimitsDto,
    data: dataOf,
  }),
  measure.command({
    name: 'SetBaseline',
    summary:
      'Set or change the baseline of the phase holding a period: its lines come from its points up to it',
    dto: SetBaselineDto,
    data: dataOf,
  }),
];
