import { measureDecider, measureStreamId } from '../../domain/measure';
import { commandsOf } from '../commands-of';
import { MeasureCommandDto } from './measure.dtos';

/** The measure's decider and the stream a body targets, for every file that defines measure commands. */
export const measure = commandsOf(measureDecider, (dto: MeasureCommandDto) => measureStreamId(dto.measureId));
