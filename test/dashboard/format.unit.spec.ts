import { humanise } from '../../web/src/app/format';

describe('enumerations spelt for reading', () => {
  it.each([
    ['GPPractice', 'GP practice'],
    ['CoDesignSession', 'Co-design session'],
    ['CoDesign', 'Co-design'],
    ['MentalHealthTrust', 'Mental health trust'],
    ['QILead', 'QI lead'],
    ['ICS', 'Integrated care system'],
    ['PatientOrServiceUser', 'Patient or service user'],
    ['common-cause', 'Common cause'],
    ['OtherSite', 'Another site'],
  ])('%s reads as “%s”', (value, words) => {
    expect(humanise(value)).toBe(words);
  });

  it('says there is nothing for a missing value', () => {
    expect(humanise(null)).toBe('—');
  });
});
