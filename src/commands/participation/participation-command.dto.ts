import { CommandDto } from '../command-dto';
import { IsOdsCode, IsProgrammeKey } from '../../shared/validation/validators';

/**
 * One organisation in one programme: the participation's stream, and the
 * engagement log's, are named by these two fields.
 */
export abstract class ParticipationCommandDto extends CommandDto {
  @IsProgrammeKey()
  programmeSlug!: string;

  @IsOdsCode()
  odsCode!: string;
}
