import { readFileSync } from 'node:fs';
import {
  decideOrganisationType,
  parseEarlierNames,
  parseTypeOverrides,
} from '../../src/trust-register/organisation-type-rules';
import { EARLIER_NAMES_CSV, TYPE_OVERRIDES_CSV } from '../../src/trust-register/register-csv';
import { loadTrustRegister, parseTrustRegister, typeCoverage } from '../../src/trust-register/trust-register';
import { REGISTER_CSV } from '../../src/register/register-seeder';

const decide = (name: string, addressLines: string[] = [], odsCode = 'XXX') =>
  decideOrganisationType({ odsCode, name, addressLines }, new Map());

describe('the ODS trust register', () => {
  it.each([
    ['East Midlands Ambulance Service NHS Trust', [], 'AmbulanceTrust', 'name'],
    ['Birmingham and Solihull Mental Health NHS Foundation Trust', [], 'MentalHealthTrust', 'name'],
    ['Leicestershire Partnership NHS Trust', [], 'MentalHealthTrust', 'name'],
    ['Central London Community Healthcare NHS Trust', [], 'CommunityTrust', 'name'],
    ['Leeds Teaching Hospitals NHS Trust', [], 'AcuteTrust', 'name'],
    ["Alder Hey Children's NHS Foundation Trust", [], 'AcuteTrust', 'name'],
    ['Airedale NHS Foundation Trust', ['AIREDALE GENERAL HOSPITAL', 'SKIPTON ROAD'], 'AcuteTrust', 'address'],
    ['Norfolk and Suffolk NHS Foundation Trust', ['HELLESDON HOSPITAL'], 'Unknown', 'none'],
    ['Mersey Care NHS Foundation Trust', ['V7 BUILDING'], 'Unknown', 'none'],
  ])('derives %s (address %p) as %s by its %s', (name, address, type, rule) => {
    expect(decide(name, address)).toEqual({ type, rule });
  });

  it('takes a curated override before any rule, and refuses one that cites no source', () => {
    const overrides = parseTypeOverrides(
      'ods_code,type,source\nRW4,MentalHealthTrust,https://example.org/rw4\n',
    );
    expect(
      decideOrganisationType(
        { odsCode: 'RW4', name: 'Mersey Care NHS Foundation Trust', addressLines: [] },
        overrides,
      ),
    ).toEqual({
      type: 'MentalHealthTrust',
      rule: 'override',
    });
    expect(() => parseTypeOverrides('ods_code,type,source\nRW4,MentalHealthTrust,\n')).toThrow(
      'every override cites its source',
    );
    expect(() => parseTypeOverrides('ods_code,type,source\nRW4,Hospital,https://example.org\n')).toThrow(
      'no type Hospital',
    );
  });

  it('ships overrides that each cite a page, for trusts the register holds, that no rule already decides', () => {
    const overrides = parseTypeOverrides(readFileSync(TYPE_OVERRIDES_CSV, 'utf8'));
    const trusts = parseTrustRegister(readFileSync(REGISTER_CSV, 'utf8'));
    for (const [odsCode, override] of overrides) {
      const trust = trusts.find((t) => t.odsCode === odsCode);
      expect({ odsCode, known: trust !== undefined, rule: trust?.typeRule }).toEqual({
        odsCode,
        known: true,
        rule: 'none',
      });
      expect(override.source).toMatch(/^https:\/\//);
    }
  });

  it('leaves no more than 10% of England’s NHS trusts Unknown (102 of 213 open on 31 March 2018 before)', () => {
    const trusts = loadTrustRegister();
    const coverage = typeCoverage(trusts, '2018-03-31');
    expect(coverage.trusts).toBe(213);
    expect(coverage.unknownPercent).toBeLessThanOrEqual(10);
    expect(coverage).toMatchObject({ unknown: 0, byRule: { override: 68, name: 130, address: 15, none: 0 } });
  });

  it('gives a trust its earlier names, oldest first, each with the day it ended and a source', () => {
    const names = parseEarlierNames(readFileSync(EARLIER_NAMES_CSV, 'utf8'));
    const lancashire = loadTrustRegister().find((t) => t.odsCode === 'RW5');
    expect(lancashire?.earlierNames).toEqual([
      {
        name: 'Lancashire Care NHS Foundation Trust',
        until: '2019-10-01',
        source: expect.stringMatching(/^https:/),
      },
    ]);
    expect([...names.keys()].sort()).toEqual(['RW5', 'RWA']);
    expect(() => parseEarlierNames('ods_code,name,until,source\nRW5,Old name,2019,https://x\n')).toThrow(
      'needs a date',
    );
  });

  it('parses every row of the register with its region, dates and an explicit type', () => {
    const trusts = loadTrustRegister(REGISTER_CSV);
    expect(trusts).toHaveLength(218);
    expect(new Set(trusts.map((t) => t.odsCode)).size).toBe(218);
    expect(trusts.find((t) => t.odsCode === 'R0A')).toEqual({
      odsCode: 'R0A',
      name: 'Manchester University NHS Foundation Trust',
      regionCode: 'Y62',
      type: 'AcuteTrust',
      typeRule: 'override',
      openDate: '2017-10-01',
      closeDate: null,
      earlierNames: [],
    });
    expect(trusts.filter((t) => t.regionCode === 'W00').length).toBeGreaterThan(0);
  });

  it('refuses a row with an unknown region rather than guessing', () => {
    const csv =
      'ods_code,ods_name,region_code,open_date,close_date\nXYZ,Somewhere NHS Trust,Q99,2001-01-01,NA\n';
    expect(() => parseTrustRegister(csv)).toThrow('unknown region code Q99');
  });
});
