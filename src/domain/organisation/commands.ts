import { Command, IsoDate } from '../shared';
import { OrganisationType, RegionCode } from './organisation-types';

export type RegisterOrganisation = Command<
  'RegisterOrganisation',
  {
    odsCode: string;
    name: string;
    type: OrganisationType;
    regionCode: RegionCode;
    isNhsTrust: boolean;
    openDate: IsoDate;
  }
>;
export type RenameOrganisation = Command<
  'RenameOrganisation',
  { odsCode: string; newName: string; effectiveDate: IsoDate }
>;
export type ReclassifyOrganisation = Command<
  'ReclassifyOrganisation',
  { odsCode: string; newType: OrganisationType; effectiveDate: IsoDate }
>;
export type RecordMerger = Command<
  'RecordMerger',
  { odsCode: string; successorOdsCode: string; effectiveDate: IsoDate },
  { successorRegistered: boolean }
>;
export type DissolveOrganisation = Command<
  'DissolveOrganisation',
  { odsCode: string; effectiveDate: IsoDate; reason?: string }
>;

export type OrganisationCommand =
  RegisterOrganisation | RenameOrganisation | ReclassifyOrganisation | RecordMerger | DissolveOrganisation;
