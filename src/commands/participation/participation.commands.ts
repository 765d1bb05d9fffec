import { organisationDecider, organisationStreamId } from '../../domain/organisation';
import {
  OrganisationFacts,
  participationDecider,
  participationStreamId,
  ProgrammeFacts,
} from '../../domain/participation';
import { programmeDecider, programmeStreamId } from '../../domain/programme';
import { AggregateDefinition } from '../command-definition';
import { commandsOf, dataOf } from '../commands-of';
import type { FactLookups } from '../fact-lookups';
import { ParticipationCommandDto } from './participation-command.dto';
import {
  AppointLocalLeadDto,
  AssignToCohortDto,
  ChangeExecutiveSponsorDto,
  CompleteParticipationDto,
  ConfirmExecutiveSponsorDto,
  EnrolOrganisationDto,
  EstablishOversightTeamDto,
  ExpressInterestDto,
  PauseParticipationDto,
  RecordSponsorVacancyDto,
  ResumeParticipationDto,
  SignParticipationCommitmentDto,
  WithdrawOrganisationDto,
} from './participation.dtos';

const participation = commandsOf(participationDecider, (dto: ParticipationCommandDto) =>
  participationStreamId(dto.programmeSlug, dto.odsCode),
);

const programmeFacts = async (dto: ParticipationCommandDto, lookups: FactLookups): Promise<ProgrammeFacts> =>
  (await lookups.load(programmeDecider, programmeStreamId(dto.programmeSlug))).state;

/** The register and the programme, each folded from its own stream. */
async function registerAndProgramme(
  dto: ParticipationCommandDto,
  lookups: FactLookups,
): Promise<{ organisation: OrganisationFacts; programme: ProgrammeFacts }> {
  const [organisation, programme] = await Promise.all([
    lookups.load(organisationDecider, organisationStreamId(dto.odsCode)),
    programmeFacts(dto, lookups),
  ]);
  return { organisation: organisation.state, programme };
}

export const participationAggregate: AggregateDefinition = participation.aggregate('participation', [
  participation.commandWithFacts({
    name: 'ExpressInterest',
    summary: 'Record that a registered organisation is interested in taking part in a launched programme',
    dto: ExpressInterestDto,
    data: dataOf,
    facts: registerAndProgramme,
  }),
  participation.command({
    name: 'ConfirmExecutiveSponsor',
    summary: "Confirm the organisation's executive sponsor (pseudonymous id, post, Board level or not)",
    dto: ConfirmExecutiveSponsorDto,
    data: dataOf,
  }),
  participation.command({
    name: 'SignParticipationCommitment',
    summary: 'Record the commitments signed; enrolment needs every one of them',
    dto: SignParticipationCommitmentDto,
    data: dataOf,
  }),
  participation.commandWithFacts({
    name: 'EnrolOrganisation',
    summary: 'Enrol the organisation in a phase: needs a Board-level sponsor and every commitment; once only',
    dto: EnrolOrganisationDto,
    data: dataOf,
    facts: registerAndProgramme,
  }),
  participation.commandWithFacts({
    name: 'AssignToCohort',
    summary: 'Assign the organisation to a scheduled or launched cohort',
    dto: AssignToCohortDto,
    data: dataOf,
    facts: async (dto, lookups) => ({ programme: await programmeFacts(dto, lookups) }),
  }),
  participation.command({
    name: 'AppointLocalLead',
    summary: "Appoint the organisation's local lead (pseudonymous id and role category)",
    dto: AppointLocalLeadDto,
    data: dataOf,
  }),
  participation.command({
    name: 'EstablishOversightTeam',
    summary: 'Record the oversight team (pseudonymous members with role categories) and its chair',
    dto: EstablishOversightTeamDto,
    data: dataOf,
  }),
  participation.command({
    name: 'ChangeExecutiveSponsor',
    summary: 'Record a new executive sponsor; a Board-level one restores senior support',
    dto: ChangeExecutiveSponsorDto,
    data: dataOf,
  }),
  participation.command({
    name: 'RecordSponsorVacancy',
    summary:
      "Record that the sponsor's post is vacant: the organisation stays enrolled without senior support",
    dto: RecordSponsorVacancyDto,
    data: dataOf,
  }),
  participation.command({
    name: 'PauseParticipation',
    summary: 'Pause an enrolled participation',
    dto: PauseParticipationDto,
    data: dataOf,
  }),
  participation.command({
    name: 'ResumeParticipation',
    summary: 'Resume a paused participation',
    dto: ResumeParticipationDto,
    data: dataOf,
  }),
  participation.command({
    name: 'WithdrawOrganisation',
    summary: 'Record that an enrolled or paused organisation withdrew',
    dto: WithdrawOrganisationDto,
    data: dataOf,
  }),
  participation.command({
    name: 'CompleteParticipation',
    summary: 'Record that an enrolled or paused participation completed',
    dto: CompleteParticipationDto,
    data: dataOf,
  }),
]);
