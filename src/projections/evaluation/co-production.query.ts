import { OrganisationListQuery } from './organisation-list.query';

export class CoProductionQuery extends OrganisationListQuery {}
