import { CommandDto } from '../command-dto';
import { IsOdsCode } from '../../shared/validation/validators';
import { IsProgrammeKey } from '../programme/programme-keys';

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
