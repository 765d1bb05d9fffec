import { IsIn, IsOptional, Matches } from 'class-validator';

export class ImportQuery {
  /** The programme monthly returns are for (default always-events-england). */
  @IsOptional()
  @Matches(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, { message: 'programme must be a programme slug' })
  programme?: string;

  /** `problems` (default): the refused rows only; `all`: every row's outcome. */
  @IsOptional()
  @IsIn(['problems', 'all'])
  report?: 'problems' | 'all';
}
