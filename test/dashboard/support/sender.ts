import type { CommandClient } from '../../commands/command-client';

export type Send = (name: string, body: object, date?: string) => Promise<{ position: number }>;

/**
 * Sends a command, dated by `occurredAt` when a date is given, and fails
 * with the API's own problem when it is refused (data set-up, not the
 * behaviour under test: the refusal's detail is what a reader needs).
 */
export function sender(client: CommandClient): Send {
  return async (name, body, date) => {
    const reply = await client.post(
      name,
      date === undefined ? body : { ...body, occurredAt: `${date}T09:00:00.000Z` },
    );
    if (reply.status !== 201)
      throw new Error(`${name} was refused (${reply.status}): ${JSON.stringify(reply.body)}`);
    return { position: reply.body.position as number };
  };
}
