import { MaxLength } from 'class-validator';
import { CommandDto } from '../command-dto';
import { IsSlug } from '../../shared/validation/validators';

/** Keys within the programme (its slug; phase, target and cohort ids): lower-case slugs of bounded length. */
export const IsProgrammeKey =
  (): PropertyDecorator =>
  (target, property): void => {
    IsSlug()(target, property);
    MaxLength(64)(target, property);
  };

/** Every programme command names its programme, e.g. `always-events-england`. */
export abstract class ProgrammeCommandDto extends CommandDto {
  @IsProgrammeKey()
  programmeSlug!: string;
}
