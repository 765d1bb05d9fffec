import { readFileSync } from 'node:fs';
import { organisationTypeFromName, parseTrustRegister } from '../../src/trust-register/trust-register';
import { REGISTER_CSV } from '../../src/register/register-seeder';

describe('the ODS trust register', () => {
  it.each([
    ['East Midlands Ambulance Service NHS Trust', 'AmbulanceTrust'],
    ['Mersey Care NHS Foundation Trust', 'Unknown'],
    ['Humber Teaching NHS Foundation Trust', 'Unknown'],
    ['Lancashire Care NHS Foundation Trust', 'Unknown'],
    ['Central London Community Healthcare NHS Trust', 'CommunityTrust'],
    ['Pennine Care NHS Foundation Trust', 'Unknown'],
    ['Birmingham and Solihull Mental Health NHS Foundation Trust', 'MentalHealthTrust'],
    ['Leeds Teaching Hospitals NHS Trust', 'AcuteTrust'],
  ])('derives the type of %s as %s, and Unknown when the name does not say', (name, type) => {
    expect(organisationTypeFromName(name)).toBe(type);
  });

  it('parses every row of the register with its region, dates and an explicit type', () => {
    const trusts = parseTrustRegister(readFileSync(REGISTER_CSV, 'utf8'));
    expect(trusts).toHaveLength(218);
    expect(new Set(trusts.map((t) => t.odsCode)).size).toBe(218);
    const manchester = trusts.find((t) => t.odsCode === 'R0A');
    expect(manchester).toEqual({
      odsCode: 'R0A',
      name: 'Manchester University NHS Foundation Trust',
      regionCode: 'Y62',
      type: 'Unknown',
      openDate: '2017-10-01',
      closeDate: null,
    });
    expect(trusts.filter((t) => t.regionCode === 'W00').length).toBeGreaterThan(0);
  });

  it('refuses a row with an unknown region rather than guessing', () => {
    const csv =
      'ods_code,ods_name,region_code,open_date,close_date\nXYZ,Somewhere NHS Trust,Q99,2001-01-01,NA\n';
    expect(() => parseTrustRegister(csv)).toThrow('unknown region code Q99');
  });
});
