import { IsOptional } from 'class-validator';
import { IsOdsCode, IsSlug } from '../../shared/validation/validators';
import { ListQuery } from '../http/read-model-query';

export class ContactsQuery extends ListQuery {
  @IsOptional()
  @IsSlug()
  programme?: string;

  @IsOptional()
  @IsOdsCode()
  odsCode?: string;
}
