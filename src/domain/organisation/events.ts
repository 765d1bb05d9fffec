import { DomainEvent, IsoDate } from '../shared';
import { OrganisationType, RegionCode } from './organisation-types';

export type OrganisationRegistered = DomainEvent<
  'OrganisationRegistered',
  {
    odsCode: string;
    name: string;
    type: OrganisationType;
    regionCode: RegionCode;
    region: string;
    isNhsTrust: boolean;
    openDate: IsoDate;
  }
>;
export type OrganisationRenamed = DomainEvent<
  'OrganisationRenamed',
  { odsCode: string; oldName: string; newName: string; effectiveDate: IsoDate }
>;
export type OrganisationReclassified = DomainEvent<
  'OrganisationReclassified',
  { odsCode: string; fromType: OrganisationType; toType: OrganisationType; effectiveDate: IsoDate }
>;
export type OrganisationsMerged = DomainEvent<
  'OrganisationsMerged',
  { predecessorOdsCode: string; successorOdsCode: string; effectiveDate: IsoDate }
>;
export type OrganisationDissolved = DomainEvent<
  'OrganisationDissolved',
  { odsCode: string; effectiveDate: IsoDate; reason: string | null }
>;

export type OrganisationEvent =
  | OrganisationRegistered
  | OrganisationRenamed
  | OrganisationReclassified
  | OrganisationsMerged
  | OrganisationDissolved;
