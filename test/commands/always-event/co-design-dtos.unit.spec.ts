import { FormCoDesignTeamDto } from '../../../src/commands/always-event/set-up.dtos';
import { validateDto } from '../../../src/shared/validation/validate-dto';
import { ProblemException } from '../../../src/shared/problem';

const AE = '0b5a6d1e-7c1f-4f0e-9d2a-3c4b5e6f7a80';

async function problemsOf(body: object) {
  try {
    await validateDto(FormCoDesignTeamDto, body);
    return [];
  } catch (error) {
    return (error as ProblemException).body().errors;
  }
}

describe('co-design members are pseudonymous', () => {
  it('accepts a pseudonym and a category', async () => {
    await expect(
      validateDto(FormCoDesignTeamDto, {
        alwaysEventId: AE,
        members: [{ memberId: 'P-017', category: 'FamilyOrCarer' }],
      }),
    ).resolves.toBeInstanceOf(FormCoDesignTeamDto);
  });
  it.each(['Jane Smith', 'jane.smith@nhs.net', ''])('refuses %p as a member id', async (memberId) => {
    expect(
      await problemsOf({ alwaysEventId: AE, members: [{ memberId, category: 'PatientOrServiceUser' }] }),
    ).toEqual([expect.objectContaining({ field: 'members.0.memberId', rule: 'matches' })]);
  });
  it('refuses any other field on a member, such as a name', async () => {
    expect(
      await problemsOf({
        alwaysEventId: AE,
        members: [{ memberId: 'P-017', category: 'PatientOrServiceUser', name: 'Jane Smith' }],
      }),
    ).toEqual([expect.objectContaining({ field: 'members.0.name', rule: 'unknown-field' })]);
  });
});
