import { initialState, organisationDecider, organisationStreamId } from '../../domain/organisation';
import { AggregateDefinition } from '../command-definition';
import { CommandDto } from '../command-dto';
import { commandsOf, dataOf } from '../commands-of';
import {
  DissolveOrganisationDto,
  ReclassifyOrganisationDto,
  RecordMergerDto,
  RegisterOrganisationDto,
  RenameOrganisationDto,
} from './organisation.dtos';

const organisation = commandsOf(organisationDecider, (dto: CommandDto & { odsCode: string }) =>
  organisationStreamId(dto.odsCode),
);

export const organisationAggregate: AggregateDefinition = organisation.aggregate('organisation', [
  organisation.command({
    name: 'RegisterOrganisation',
    summary: 'Register an organisation (NHS trust, GP practice, ...) by its ODS code',
    dto: RegisterOrganisationDto,
    data: dataOf,
  }),
  organisation.command({
    name: 'RenameOrganisation',
    summary: 'Record a new name for an organisation from a date',
    dto: RenameOrganisationDto,
    data: dataOf,
  }),
  organisation.command({
    name: 'ReclassifyOrganisation',
    summary: "Change an organisation's type from a date",
    dto: ReclassifyOrganisationDto,
    data: dataOf,
  }),
  organisation.commandWithFacts({
    name: 'RecordMerger',
    summary: 'Record that an organisation (the predecessor) merged into a registered successor',
    dto: RecordMergerDto,
    data: dataOf,
    facts: async (dto, lookups) => {
      const successor = await lookups.load(
        { initialState, evolve: organisationDecider.evolve },
        organisationStreamId(dto.successorOdsCode),
      );
      return { successorRegistered: successor.state.status !== 'unregistered' };
    },
  }),
  organisation.command({
    name: 'DissolveOrganisation',
    summary: 'Record that an organisation closed on a date',
    dto: DissolveOrganisationDto,
    data: dataOf,
  }),
]);
