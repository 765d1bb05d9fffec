import {
  DissolveOrganisation,
  initialState,
  organisationDecider,
  OrganisationEvent,
  OrganisationState,
  organisationStreamId,
  RecordMerger,
  ReclassifyOrganisation,
  RegisterOrganisation,
  RenameOrganisation,
} from '../../domain/organisation';
import { AggregateDefinition, defineCommand } from '../command-definition';
import {
  DissolveOrganisationDto,
  ReclassifyOrganisationDto,
  RecordMergerDto,
  RegisterOrganisationDto,
  RenameOrganisationDto,
} from './organisation.dtos';

const stream = (dto: { odsCode: string }): string => organisationStreamId(dto.odsCode);

export const organisationAggregate: AggregateDefinition = {
  category: 'organisation',
  decider: organisationDecider as AggregateDefinition['decider'],
  commands: [
    defineCommand<
      RegisterOrganisationDto,
      RegisterOrganisation,
      OrganisationState,
      undefined,
      OrganisationEvent
    >({
      name: 'RegisterOrganisation',
      summary: 'Register an organisation (NHS trust, GP practice, ...) by its ODS code',
      dto: RegisterOrganisationDto,
      decider: organisationDecider,
      streamId: stream,
      toCommand: (dto, context) => ({
        type: 'RegisterOrganisation',
        data: {
          odsCode: dto.odsCode,
          name: dto.name,
          type: dto.type,
          regionCode: dto.regionCode,
          isNhsTrust: dto.isNhsTrust,
          openDate: dto.openDate,
        },
        context,
        facts: undefined,
      }),
    }),
    defineCommand<RenameOrganisationDto, RenameOrganisation, OrganisationState, undefined, OrganisationEvent>(
      {
        name: 'RenameOrganisation',
        summary: 'Record a new name for an organisation from a date',
        dto: RenameOrganisationDto,
        decider: organisationDecider,
        streamId: stream,
        toCommand: (dto, context) => ({
          type: 'RenameOrganisation',
          data: { odsCode: dto.odsCode, newName: dto.newName, effectiveDate: dto.effectiveDate },
          context,
          facts: undefined,
        }),
      },
    ),
    defineCommand<
      ReclassifyOrganisationDto,
      ReclassifyOrganisation,
      OrganisationState,
      undefined,
      OrganisationEvent
    >({
      name: 'ReclassifyOrganisation',
      summary: "Change an organisation's type from a date",
      dto: ReclassifyOrganisationDto,
      decider: organisationDecider,
      streamId: stream,
      toCommand: (dto, context) => ({
        type: 'ReclassifyOrganisation',
        data: { odsCode: dto.odsCode, newType: dto.newType, effectiveDate: dto.effectiveDate },
        context,
        facts: undefined,
      }),
    }),
    defineCommand<RecordMergerDto, RecordMerger, OrganisationState, RecordMerger['facts'], OrganisationEvent>(
      {
        name: 'RecordMerger',
        summary: 'Record that an organisation (the predecessor) merged into a registered successor',
        dto: RecordMergerDto,
        decider: organisationDecider,
        streamId: stream,
        facts: async (dto, lookups) => {
          const successor = await lookups.load(
            { initialState, evolve: organisationDecider.evolve },
            organisationStreamId(dto.successorOdsCode),
          );
          return { successorRegistered: successor.state.status !== 'unregistered' };
        },
        toCommand: (dto, context, facts) => ({
          type: 'RecordMerger',
          data: {
            odsCode: dto.odsCode,
            successorOdsCode: dto.successorOdsCode,
            effectiveDate: dto.effectiveDate,
          },
          context,
          facts,
        }),
      },
    ),
    defineCommand<
      DissolveOrganisationDto,
      DissolveOrganisation,
      OrganisationState,
      undefined,
      OrganisationEvent
    >({
      name: 'DissolveOrganisation',
      summary: 'Record that an organisation closed on a date',
      dto: DissolveOrganisationDto,
      decider: organisationDecider,
      streamId: stream,
      toCommand: (dto, context) => ({
        type: 'DissolveOrganisation',
        data: { odsCode: dto.odsCode, effectiveDate: dto.effectiveDate, reason: dto.reason },
        context,
        facts: undefined,
      }),
    }),
  ],
};
