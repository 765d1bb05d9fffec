import { programmeDecider, programmeStreamId } from '../../domain/programme';
import { AggregateDefinition } from '../command-definition';
import { commandsOf, dataOf } from '../commands-of';
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

const programme = commandsOf(programmeDecider, (dto: ProgrammeCommandDto) =>
  programmeStreamId(dto.programmeSlug),
);

export const programmeAggregate: AggregateDefinition = programme.aggregate('programme', [
  programme.command({
    name: 'LaunchProgramme',
    summary: 'Launch a programme (e.g. always-events-england) with its national sponsors and start date',
    dto: LaunchProgrammeDto,
    data: dataOf,
  }),
  programme.command({
    name: 'DefinePhase',
    summary:
      'Define a programme phase (Pilot, ToolkitTest, Spread, PrimaryCareSpread, ...); phases never overlap',
    dto: DefinePhaseDto,
    data: dataOf,
  }),
  programme.command({
    name: 'SetEnrolmentTarget',
    summary: 'Set an enrolment target: threshold, deadline, source and an explicit denominator',
    dto: SetEnrolmentTargetDto,
    data: dataOf,
  }),
  programme.command({
    name: 'ScheduleCohort',
    summary: 'Schedule a cohort of organisations in a defined phase',
    dto: ScheduleCohortDto,
    data: dataOf,
  }),
  programme.command({
    name: 'LaunchCohort',
    summary: 'Record that a scheduled cohort launched',
    dto: LaunchCohortDto,
    data: dataOf,
  }),
  programme.command({
    name: 'CloseCohort',
    summary: 'Close a cohort (a scheduled one that never launched is called off)',
    dto: CloseCohortDto,
    data: dataOf,
  }),
  programme.command({
    name: 'CloseProgramme',
    summary: 'Close the programme',
    dto: CloseProgrammeDto,
    data: dataOf,
  }),
  programme.command({
    name: 'SetReportingWindow',
    summary:
      'Give the programme or a phase a reporting window: compliance, curves and funnels end there unless asked otherwise',
    dto: SetReportingWindowDto,
    data: dataOf,
  }),
  programme.command({
    name: 'ClosePhase',
    summary: 'Close a programme phase; its reports end on that date',
    dto: ClosePhaseDto,
    data: dataOf,
  }),
  programme.command({
    name: 'SetWorklistThresholds',
    summary: "Set the thresholds the programme team's worklist raises items by",
    dto: SetWorklistThresholdsDto,
    data: dataOf,
  }),
]);
