/**
 * What the compiler refuses in a command definition. Not a Jest spec: `tsc
 * --noEmit -p tsconfig.json` (npm run typecheck) checks it, and each
 * `@ts-expect-error` line must be an error there, or the typecheck fails.
 * Nothing here runs.
 */
import { IsString } from 'class-validator';
import { CommandDto } from '../../src/commands/command-dto';
import { commandsOf, dataOf } from '../../src/commands/commands-of';
import { organisationDecider, organisationStreamId } from '../../src/domain/organisation';
import { RenameOrganisationDto, RecordMergerDto } from '../../src/commands/organisation/organisation.dtos';

const organisation = commandsOf(organisationDecider, (dto: CommandDto & { odsCode: string }) =>
  organisationStreamId(dto.odsCode),
);

/** A DTO that lacks a field of RenameOrganisation's data (effectiveDate). */
class IncompleteRenameDto extends CommandDto {
  @IsString()
  odsCode!: string;

  @IsString()
  newName!: string;
}

export const definitions = [
  // The well-formed definition, for contrast: it compiles.
  organisation.command({ name: 'RenameOrganisation', summary: '', dto: RenameOrganisationDto, data: dataOf }),

  // @ts-expect-error a name the organisation decider does not know
  organisation.command({ name: 'RenameOrganisaton', summary: '', dto: RenameOrganisationDto, data: dataOf }),

  // @ts-expect-error the DTO's data lacks effectiveDate
  organisation.command({ name: 'RenameOrganisation', summary: '', dto: IncompleteRenameDto, data: dataOf }),

  organisation.command({
    name: 'RenameOrganisation',
    summary: '',
    dto: RenameOrganisationDto,
    // @ts-expect-error a field of the domain data mistyped
    data: (dto) => ({ odsCode: dto.odsCode, newName: 42, effectiveDate: dto.effectiveDate }),
  }),

  // @ts-expect-error RecordMerger's rule needs facts: `command` (no facts) does not take it
  organisation.command({ name: 'RecordMerger', summary: '', dto: RecordMergerDto, data: dataOf }),

  organisation.commandWithFacts({
    name: 'RecordMerger',
    summary: '',
    dto: RecordMergerDto,
    data: dataOf,
    // @ts-expect-error facts of the wrong shape
    facts: async () => ({ successorRegistered: 'yes' }),
  }),
];

// @ts-expect-error a definition's method needs its aggregate as `this`, where the decider is
export const detached = (0, organisation.command)({
  name: 'RenameOrganisation',
  summary: '',
  dto: RenameOrganisationDto,
  data: dataOf,
});
