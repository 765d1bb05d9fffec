import { Decider } from '../decider';
import { DomainError } from '../shared';
import { MeasureCommand } from './commands';
import {
  annotateChart,
  defineMeasure,
  establishBaseline,
  reviseMeasureDefinition,
  retireMeasure,
} from './decide-definition';
import { recalculateLimits, setBaseline } from './decide-limits';
import { correctMeasurement, recordMeasurement, retractMeasurement } from './decide-measurements';
import { MeasureEvent } from './events';
import { copyMeasureState, evolveMeasureOwned } from './evolve-owned';
import { evolve, initialState, MeasureState } from './state';

export function decide(command: MeasureCommand, state: MeasureState): MeasureEvent[] {
  switch (command.type) {
    case 'DefineMeasure':
      return defineMeasure(command, state);
    case 'ReviseMeasureDefinition':
      return reviseMeasureDefinition(command, state);
    case 'RecordMeasurement':
      return recordMeasurement(command, state);
    case 'CorrectMeasurement':
      return correctMeasurement(command, state);
    case 'RetractMeasurement':
      return retractMeasurement(command, state);
    case 'EstablishBaseline':
      return establishBaseline(command, state);
    case 'AnnotateChart':
      return annotateChart(command, state);
    case 'RetireMeasure':
      return retireMeasure(command, state);
    case 'RecalculateLimits':
      return recalculateLimits(command, state);
    case 'SetBaseline':
      return setBaseline(command, state);
    default:
      throw new DomainError(
        'unknown-command',
        `Unknown command ${(command as { type: string }).type}`,
        'invalid',
      );
  }
}

export const measureDecider: Decider<MeasureCommand, MeasureEvent, MeasureState> = {
  initialState,
  evolve,
  decide,
  owned: { copy: copyMeasureState, evolve: evolveMeasureOwned },
};

export const measureStreamId = (measureId: string): string => `measure-${measureId}`;
