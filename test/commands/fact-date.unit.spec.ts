import { AGGREGATES } from '../../src/commands/catalogue';
import { factDateOf, occurredAtOf } from '../../src/commands/fact-date';
import { validateDto } from '../../src/shared/validation/validate-dto';

const definition = (name: string) => {
  const found = AGGREGATES.flatMap((a) => a.commands).find((c) => c.name === name);
  if (!found) throw new Error(name);
  return found;
};

describe('the business time of a command', () => {
  it('is the date of the fact the body records', async () => {
    const enrol = definition('EnrolOrganisation');
    const dto = await validateDto(enrol.dto, {
      programmeSlug: 'always-events-england',
      odsCode: 'RYX',
      enrolledOn: '2017-10-01',
      phaseId: 'spread',
      enrolmentRoute: 'Direct',
    });
    expect(factDateOf(dto)).toBe('2017-10-01T00:00:00.000Z');
    expect(occurredAtOf(dto, '2026-01-01T00:00:00.000Z')).toBe('2017-10-01T00:00:00.000Z');
  });

  it('is what the caller says when it sends occurredAt, and never after now', async () => {
    const rename = definition('RenameOrganisation');
    const dto = await validateDto(rename.dto, {
      odsCode: 'RYX',
      newName: 'X',
      effectiveDate: '2019-01-01',
      occurredAt: '2019-02-01T10:00:00Z',
    });
    expect(occurredAtOf(dto, '2026-01-01T00:00:00.000Z')).toBe('2019-02-01T10:00:00Z');
    const future = await validateDto(rename.dto, {
      odsCode: 'RYX',
      newName: 'X',
      effectiveDate: '2030-01-01',
    });
    expect(occurredAtOf(future, '2026-01-01T00:00:00.000Z')).toBe('2026-01-01T00:00:00.000Z');
  });
});
