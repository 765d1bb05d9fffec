import { organisationDecider, organisationStreamId } from '../../domain/organisation';
import {
  OrganisationFacts,
  participationDecider,
  participationStreamId,
  ProgrammeFacts,
} from '../../domain/participation';
import { programmeDecider, programmeStreamId } from '../../domain/programme';
import { commandsFor } from '../aggregate-commands';
import { AggregateDefinition } from '../command-definition';
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

const participationCommand = commandsFor(participationDecider, (dto: ParticipationCommandDto) =>
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

export const participationAggregate: AggregateDefinition = {
  category: 'participation',
  decider: participationDecider as AggregateDefinition['decider'],
  commands: [
    participationCommand({
      name: 'ExpressInterest',
      summary: 'Record that a registered organisation is interested in taking part in a launched programme',
      dto: ExpressInterestDto,
      facts: registerAndProgramme,
    }),
    participationCommand({
      name: 'ConfirmExecutiveSponsor',
      summary: "Confirm the organisation's executive sponsor (pseudonymous id, post, Board level or not)",
      dto: ConfirmExecutiveSponsorDto,
    }),
    participationCommand({
      name: 'SignParticipationCommitment',
      summary: 'Record the commitments signed; enrolment needs every one of them',
      dto: SignParticipationCommitmentDto,
    }),
    participationCommand({
      name: 'EnrolOrganisation',
      summary:
        'Enrol the organisation in a phase: needs a Board-level sponsor and every commitment; once only',
      dto: EnrolOrganisationDto,
      facts: registerAndProgramme,
    }),
    participationCommand({
      name: 'AssignToCohort',
      summary: 'Assign the organisation to a scheduled or launched cohort',
      dto: AssignToCohortDto,
      facts: async (dto, lookups) => ({ programme: await programmeFacts(dto, lookups) }),
    }),
    participationCommand({
      name: 'AppointLocalLead',
      summary: "Appoint the organisation's local lead (pseudonymous id and role category)",
      dto: AppointLocalLeadDto,
    }),
    participationCommand({
      name: 'EstablishOversightTeam',
      summary: 'Record the oversight team (pseudonymous members with role categories) and its chair',
      dto: EstablishOversightTeamDto,
    }),
    participationCommand({
      name: 'ChangeExecutiveSponsor',
      summary: 'Record a new executive sponsor; a Board-level one restores senior support',
      dto: ChangeExecutiveSponsorDto,
    }),
    participationCommand({
      name: 'RecordSponsorVacancy',
      summary:
        "Record that the sponsor's post is vacant: the organisation stays enrolled without senior support",
      dto: RecordSponsorVacancyDto,
    }),
    participationCommand({
      name: 'PauseParticipation',
      summary: 'Pause an enrolled participation',
      dto: PauseParticipationDto,
    }),
    participationCommand({
      name: 'ResumeParticipation',
      summary: 'Resume a paused participation',
      dto: ResumeParticipationDto,
    }),
    participationCommand({
      name: 'WithdrawOrganisation',
      summary: 'Record that an enrolled or paused organisation withdrew',
      dto: WithdrawOrganisationDto,
    }),
    participationCommand({
      name: 'CompleteParticipation',
      summary: 'Record that an enrolled or paused participation completed',
      dto: CompleteParticipationDto,
    }),
  ],
};
