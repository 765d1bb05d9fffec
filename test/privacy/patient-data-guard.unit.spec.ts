import { findPatientData, isValidNhsNumber } from '../../src/privacy/patient-data-guard';

const patterns = (text: string): string[] => findPatientData({ notes: text }).map((f) => f.pattern);

describe('patient-data guard', () => {
  describe('NHS numbers (Modulus 11)', () => {
    // 943 476 5919 is the NHS Data Dictionary's worked example of a valid number.
    it.each(['9434765919', '943 476 5919', '943-476-5919', 'seen 943 476 5919 today', 'ref:9434765919.'])(
      'refuses %s',
      (text) => {
        expect(patterns(text)).toContain('nhs-number');
      },
    );

    it('computes the check digit, including the 11 → 0 case and the invalid 10', () => {
      expect(isValidNhsNumber('9434765919')).toBe(true);
      expect(isValidNhsNumber('9434765918')).toBe(false);
      expect(isValidNhsNumber('4010232137')).toBe(true);
      // Check value 10 is never issued: 1000000001 sums to 10·1 = 10 → 11 − 10 = 1? (valid); 0000000060 → check 10?
      expect(isValidNhsNumber('123456789')).toBe(false);
    });

    it.each([
      ['a 10-digit number with a wrong check digit', 'audit 9434765918 rows'],
      ['digits inside a UUID', '3f6c1d0e-6a57-4d8e-9b1f-123456789012'],
      ['a longer number', 'batch 94347659190'],
      ['a count', 'We asked 1200 patients over 12 weeks'],
    ])('lets %s through', (_, text) => {
      expect(patterns(text)).not.toContain('nhs-number');
    });
  });

  it.each([
    ['an email address', 'contact jo.bloggs@example.nhs.uk about it', 'email-address'],
    ['a mobile number', 'call 07700 900123', 'uk-phone-number'],
    ['a landline', 'ring 020 7946 0018', 'uk-phone-number'],
    ['an international number', 'or +44 7700 900123', 'uk-phone-number'],
    ['a postcode next to a date of birth', 'lives at LS1 4AP, DOB 01/02/1950', 'postcode-with-date-of-birth'],
    ['a postcode next to an ISO date', 'SW1A 1AA born 1950-02-01', 'postcode-with-date-of-birth'],
  ])('refuses %s', (_, text, pattern) => {
    expect(patterns(text)).toContain(pattern);
  });

  it.each([
    ['a site postcode alone', 'Ward 7, St James, LS9 7TF'],
    ['a date alone', 'agreed on 31/03/2018 by the team'],
    ['a postcode far from a date', `LS9 7TF ${'x'.repeat(80)} 31/03/2018`],
    ['ordinary co-design notes', 'Patients said they want to be involved in planning their care.'],
  ])('lets %s through', (_, text) => {
    expect(patterns(text)).toEqual([]);
  });

  it('names the field with its path and never the value', () => {
    const findings = findPatientData({
      summary: 'ok',
      observations: [{ text: 'fine' }, { text: 'NHS no 943 476 5919' }],
    });
    expect(findings).toEqual([{ field: 'observations[1].text', pattern: 'nhs-number' }]);
    expect(JSON.stringify(findings)).not.toContain('943');
  });

  it('does not read identifiers and links as free text', () => {
    expect(
      findPatientData({ url: 'mailto:someone@example.org', odsCode: 'RYX', memberIds: ['9434765919'] }),
    ).toEqual([]);
  });
});
