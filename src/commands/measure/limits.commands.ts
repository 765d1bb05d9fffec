import { measureDecider, measureStreamId } from '../../domain/measure';
import { commandsFor } from '../aggregate-commands';
import { RecalculateLimitsDto, SetBaselineDto } from './limits.dtos';
import { MeasureCommandDto } from './measure.dtos';

const measureCommand = commandsFor(measureDecider, (dto: MeasureCommandDto) =>
  measureStreamId(dto.measureId),
);

/** Decisions on a unit's chart, recorded with their reasons: every profile and time travel reads them. */
export const limitDecisionCommands = [
  measureCommand({
    name: 'RecalculateLimits',
    summary: "Recalculate a unit's chart limits from a period on, with the reason (a new phase)",
    description:
      'Making Data Count: recalculate when a sustained shift follows a known change to the process. ' +
      'GET /v1/measures/{measureId}/recalculation-proposals says where the rules see one.',
    dto: RecalculateLimitsDto,
  }),
  measureCommand({
    name: 'SetBaseline',
    summary:
      'Set or change the baseline of the phase holding a period: its lines come from its points up to it',
    dto: SetBaselineDto,
  }),
];
