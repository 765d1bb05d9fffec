import { stateOf } from '../support/history';
import {
  OrganisationCommand,
  organisationDecider,
  OrganisationEvent,
  OrganisationRegistered,
} from '../../../src/domain/organisation';
import { context, deciderSpec } from '../support/decider-spec';

const spec = deciderSpec(organisationDecider);
const registered: OrganisationRegistered = {
  type: 'OrganisationRegistered',
  data: {
    odsCode: 'RV3',
    name: 'Central and North West London NHS Foundation Trust',
    type: 'MentalHealthTrust',
    regionCode: 'Y56',
    region: 'London',
    isNhsTrust: true,
    openDate: '1999-04-01',
  },
};
const command = <C extends OrganisationCommand>(type: C['type'], data: C['data'], facts?: C['facts']): C =>
  ({ type, data, context: context(), facts }) as C;
const dissolved: OrganisationEvent = {
  type: 'OrganisationDissolved',
  data: { odsCode: 'RV3', effectiveDate: '2020-01-01', reason: null },
};

describe('Organisation decider', () => {
  describe('RegisterOrganisation', () => {
    const register = command('RegisterOrganisation', {
      odsCode: 'RV3',
      name: registered.data.name,
      type: 'MentalHealthTrust',
      regionCode: 'Y56',
      isNhsTrust: true,
      openDate: '1999-04-01',
    });
    it('registers a new organisation with its region name', () => {
      spec.given([]).when(register).then([registered]);
    });
    it('refuses to register twice', () => {
      spec.given([registered]).when(register).thenThrows('organisation-already-registered', 'conflict');
    });
  });

  describe('RenameOrganisation', () => {
    it('renames, keeping the old name', () => {
      spec
        .given([registered])
        .when(command('RenameOrganisation', { odsCode: 'RV3', newName: 'CNWL', effectiveDate: '2019-01-01' }))
        .then([
          {
            type: 'OrganisationRenamed',
            data: {
              odsCode: 'RV3',
              oldName: registered.data.name,
              newName: 'CNWL',
              effectiveDate: '2019-01-01',
            },
          },
        ]);
    });
    it('refuses an unregistered organisation', () => {
      spec
        .given([])
        .when(command('RenameOrganisation', { odsCode: 'RV3', newName: 'X', effectiveDate: '2019-01-01' }))
        .thenThrows('organisation-not-registered');
    });
    it('refuses a dissolved organisation', () => {
      spec
        .given([registered, dissolved])
        .when(command('RenameOrganisation', { odsCode: 'RV3', newName: 'X', effectiveDate: '2020-06-01' }))
        .thenThrows('organisation-dissolved');
    });
    it('refuses the same name', () => {
      spec
        .given([registered])
        .when(
          command('RenameOrganisation', {
            odsCode: 'RV3',
            newName: registered.data.name,
            effectiveDate: '2019-01-01',
          }),
        )
        .thenThrows('name-unchanged', 'invalid', 'newName');
    });
    it('refuses a date before the organisation opened', () => {
      spec
        .given([registered])
        .when(command('RenameOrganisation', { odsCode: 'RV3', newName: 'X', effectiveDate: '1990-01-01' }))
        .thenThrows('effective-date-before-opening', 'invalid', 'effectiveDate');
    });
  });

  describe('ReclassifyOrganisation', () => {
    it('reclassifies with the previous type', () => {
      spec
        .given([registered])
        .when(
          command('ReclassifyOrganisation', {
            odsCode: 'RV3',
            newType: 'CombinedTrust',
            effectiveDate: '2019-01-01',
          }),
        )
        .then([
          {
            type: 'OrganisationReclassified',
            data: {
              odsCode: 'RV3',
              fromType: 'MentalHealthTrust',
              toType: 'CombinedTrust',
              effectiveDate: '2019-01-01',
            },
          },
        ]);
    });
    it('refuses the same type', () => {
      spec
        .given([registered])
        .when(
          command('ReclassifyOrganisation', {
            odsCode: 'RV3',
            newType: 'MentalHealthTrust',
            effectiveDate: '2019-01-01',
          }),
        )
        .thenThrows('type-unchanged', 'invalid', 'newType');
    });
  });

  describe('RecordMerger', () => {
    const merge = (successorOdsCode: string, successorRegistered: boolean) =>
      command(
        'RecordMerger',
        { odsCode: 'RV3', successorOdsCode, effectiveDate: '2020-04-01' },
        { successorRegistered },
      );
    it('records the merger into a registered successor', () => {
      spec
        .given([registered])
        .when(merge('RKL', true))
        .then([
          {
            type: 'OrganisationsMerged',
            data: { predecessorOdsCode: 'RV3', successorOdsCode: 'RKL', effectiveDate: '2020-04-01' },
          },
        ]);
    });
    it('closes the predecessor on the day the merger takes effect', () => {
      const merged = [
        registered,
        ...organisationDecider.decide(merge('RKL', true), stateOf(organisationDecider, [registered])),
      ];
      expect(stateOf(organisationDecider, merged)).toMatchObject({
        status: 'merged',
        successorOdsCode: 'RKL',
        closeDate: '2020-04-01',
      });
    });
    it('refuses an unregistered successor', () => {
      spec
        .given([registered])
        .when(merge('ZZZ', false))
        .thenThrows('merger-successor-not-registered', 'invalid', 'successorOdsCode');
    });
    it('refuses merging into itself', () => {
      spec
        .given([registered])
        .when(merge('RV3', true))
        .thenThrows('merger-successor-is-predecessor', 'invalid');
    });
    it('refuses merging a predecessor twice', () => {
      const merged: OrganisationEvent = {
        type: 'OrganisationsMerged',
        data: { predecessorOdsCode: 'RV3', successorOdsCode: 'RKL', effectiveDate: '2020-04-01' },
      };
      spec.given([registered, merged]).when(merge('RKE', true)).thenThrows('organisation-already-merged');
    });
  });

  describe('DissolveOrganisation', () => {
    it('dissolves on a date', () => {
      spec
        .given([registered])
        .when(command('DissolveOrganisation', { odsCode: 'RV3', effectiveDate: '2020-01-01' }))
        .then([dissolved]);
    });
    it('refuses dissolving twice', () => {
      spec
        .given([registered, dissolved])
        .when(command('DissolveOrganisation', { odsCode: 'RV3', effectiveDate: '2021-01-01' }))
        .thenThrows('organisation-dissolved');
    });
    it('refuses a date before opening', () => {
      spec
        .given([registered])
        .when(command('DissolveOrganisation', { odsCode: 'RV3', effectiveDate: '1998-01-01' }))
        .thenThrows('effective-date-before-opening', 'invalid');
    });
  });
});
