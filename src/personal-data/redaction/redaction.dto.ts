import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { IsText } from '../../shared/validation/text';

/** POST /v1/admin/redactions: which fields of which stored event to remove, and why. */
export class RedactEventFieldsDto {
  /** Chosen by the caller: a retry with the same id is refused as already recorded, never done twice. */
  @IsUUID()
  redactionId!: string;

  @IsString()
  @MaxLength(200)
  @Matches(/^[a-z][a-z-]*-[^\s$]+$/, { message: 'streamId must be a stream of the log, <category>-<id>' })
  streamId!: string;

  @IsUUID()
  eventId!: string;

  /** Dotted paths to text in the event's data, e.g. `summary` or `questions.2`. */
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(/^[A-Za-z][A-Za-z0-9]*(\.([A-Za-z][A-Za-z0-9]*|\d{1,4}))*$/, {
    each: true,
    message: 'each field must be a dotted path into the event data, e.g. summary or questions.2',
  })
  fields!: string[];

  /** A case reference and the ground (e.g. "IG incident 2018-031: NHS number in a PDSA observation"); no patient details. */
  @IsText(500)
  reason!: string;
}
