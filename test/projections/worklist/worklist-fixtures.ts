import { CommandClient, expectCreated, programmeSlug } from '../../commands/command-client';

/** The month's return of an enrolled trust, submitted (the worklist's overdue item for it then closes). */
export async function submitReturn(
  client: CommandClient,
  odsCode: string,
  period: string,
  submittedOn: string,
): Promise<void> {
  expectCreated(
    await client.post('SubmitMonthlyReturn', {
      programmeSlug,
      odsCode,
      period,
      submittedOn,
      alwaysEventIds: [],
      measuresReported: 1,
    }),
  );
}
