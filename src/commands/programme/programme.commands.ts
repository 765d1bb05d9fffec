import { programmeDecider, programmeStreamId } from '../../domain/programme';
import { commandsFor } from '../aggregate-commands';
import { AggregateDefinition } from '../command-definition';
import {
  CloseCohortDto,
  CloseProgrammeDto,
  DefinePhaseDto,
  LaunchCohortDto,
  LaunchProgrammeDto,
  ScheduleCohortDto,
  SetEnrolmentTargetDto,
} from './programme.dtos';
import { ProgrammeCommandDto } from './programme-keys';
import { ClosePhaseDto, SetReportingWindowDto, SetWorklistThresholdsDto } from './reporting.dtos';

const programmeCommand = commandsFor(programmeDecider, (dto: ProgrammeCommandDto) =>
  programmeStreamId(dto.programmeSlug),
);

export const programmeAggregate: AggregateDefinition = {
  category: 'programme',
  decider: programmeDecider as AggregateDefinition['decider'],
  commands: [
    programmeCommand({
      name: 'LaunchProgramme',
      summary: 'Launch a programme (e.g. always-events-england) with its national sponsors and start date',
      dto: LaunchProgrammeDto,
    }),
    programmeCommand({
      name: 'DefinePhase',
      summary:
        'Define a programme phase (Pilot, ToolkitTest, Spread, PrimaryCareSpread, ...); phases never overlap',
      dto: DefinePhaseDto,
    }),
    programmeCommand({
      name: 'SetEnrolmentTarget',
      summary: 'Set an enrolment target: threshold, deadline, source and an explicit denominator',
      dto: SetEnrolmentTargetDto,
    }),
    programmeCommand({
      name: 'ScheduleCohort',
      summary: 'Schedule a cohort of organisations in a defined phase',
      dto: ScheduleCohortDto,
    }),
    programmeCommand({
      name: 'LaunchCohort',
      summary: 'Record that a scheduled cohort launched',
      dto: LaunchCohortDto,
    }),
    programmeCommand({
      name: 'CloseCohort',
      summary: 'Close a cohort (a scheduled one that never launched is called off)',
      dto: CloseCohortDto,
    }),
    programmeCommand({
      name: 'CloseProgramme',
      summary: 'Close the programme',
      dto: CloseProgrammeDto,
    }),
    programmeCommand({
      name: 'SetReportingWindow',
      summary:
        'Give the programme or a phase a reporting window: compliance, curves and funnels end there unless asked otherwise',
      dto: SetReportingWindowDto,
    }),
    programmeCommand({
      name: 'ClosePhase',
      summary: 'Close a programme phase; its reports end on that date',
      dto: ClosePhaseDto,
    }),
    programmeCommand({
      name: 'SetWorklistThresholds',
      summary: "Set the thresholds the programme team's worklist raises items by",
      dto: SetWorklistThresholdsDto,
    }),
  ],
};
