import { CommandDto } from '../command-dto';
import { IsProgrammeKey } from '../../shared/validation/validators';

/** Every programme command names its programme, e.g. `always-events-england`. */
export abstract class ProgrammeCommandDto extends CommandDto {
  @IsProgrammeKey()
  programmeSlug!: string;
}
