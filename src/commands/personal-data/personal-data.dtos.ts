import { IsUUID } from 'class-validator';
import { CommandDto } from '../command-dto';
import { IsText } from '../../shared/validation/text';

export class ErasePersonalDataDto extends CommandDto {
  /** The person's pseudonymous id, as given when their name or post was recorded. */
  @IsUUID()
  personId!: string;

  /** Why, for the audit: a case reference and the ground (e.g. "DPO case 2024-17, Art. 17 request"); never the person's own details. */
  @IsText(500)
  reason!: string;
}
