import { Injectable, Logger } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { CommandGateway } from '../commands/command-gateway';
import { CommandResult } from '../commands/execute-command';
import { DomainError } from '../domain/shared';
import { IdempotencyKeyReusedError } from '../event-store/errors';
import { loadTrustRegister, TrustRecord } from '../trust-register/trust-register';

/** The service itself, registering the trusts of the register it ships with. */
const REGISTER_SEED: Principal = {
  id: 'system:register-seed',
  role: 'programme-admin',
  organisations: '*',
  strategy: 'service',
};

/** The organisation was registered (or dissolved) by other means, or the row changed since the last seed. */
function isAlreadyDifferent(error: unknown): boolean {
  return (
    (error instanceof DomainError &&
      ['organisation-already-registered', 'organisation-dissolved'].includes(error.rule)) ||
    error instanceof IdempotencyKeyReusedError
  );
}

import { REGISTER_CSV } from '../trust-register/register-csv';

export { REGISTER_CSV };

export interface SeedSummary {
  organisations: number;
  written: number;
  alreadyThere: number;
  /** Rows the store already holds differently (e.g. renamed since); left as the store has them. */
  differing: string[];
}

/**
 * Registers every trust of the ODS register through the public commands
 * (RegisterOrganisation, RenameOrganisation, DissolveOrganisation), as an
 * upstream system would: under its first known name from the day it opened,
 * renamed on the day each later name took effect, so every read model shows
 * the name a trust had on the date asked.
 * Idempotency keys derive from the ODS code, so running it again writes
 * nothing new.
 */
@Injectable()
export class RegisterSeeder {
  private readonly logger = new Logger(RegisterSeeder.name);

  constructor(private readonly gateway: CommandGateway) {}

  async seed(csvPath = REGISTER_CSV): Promise<SeedSummary> {
    const trusts = loadTrustRegister(csvPath);
    const summary: SeedSummary = { organisations: trusts.length, written: 0, alreadyThere: 0, differing: [] };
    for (const trust of trusts) {
      try {
        for (const result of await this.seedOne(trust)) {
          if (result.replayed) summary.alreadyThere++;
          else summary.written++;
        }
      } catch (error) {
        if (!isAlreadyDifferent(error)) throw error;
        summary.differing.push(trust.odsCode);
      }
    }
    this.logger.log(
      `Organisation register: ${summary.organisations} trusts, ${summary.written} commands written, ${summary.alreadyThere} already there`,
    );
    if (summary.differing.length > 0) {
      this.logger.warn(
        `The store holds ${summary.differing.length} register rows differently from the file, left unchanged: ${summary.differing.join(', ')}`,
      );
    }
    return summary;
  }

  private async seedOne(trust: TrustRecord): Promise<CommandResult[]> {
    const results = [
      await this.run('RegisterOrganisation', `ods-register:${trust.odsCode}:register`, trust.openDate, {
        odsCode: trust.odsCode,
        name: trust.earlierNames[0]?.name ?? trust.name,
        type: trust.type,
        regionCode: trust.regionCode,
        // The register lists NHS trusts only; Welsh ones are trusts too, and read models filter by region.
        isNhsTrust: true,
        openDate: trust.openDate,
      }),
    ];
    const renames = trust.earlierNames.map(
      (earlier, i) => [earlier.until, trust.earlierNames[i + 1]?.name ?? trust.name] as const,
    );
    for (const [on, newName] of renames) {
      results.push(
        await this.run('RenameOrganisation', `ods-register:${trust.odsCode}:rename:${on}`, on, {
          odsCode: trust.odsCode,
          newName,
          effectiveDate: on,
        }),
      );
    }
    if (trust.closeDate) {
      results.push(
        await this.run('DissolveOrganisation', `ods-register:${trust.odsCode}:dissolve`, trust.closeDate, {
          odsCode: trust.odsCode,
          effectiveDate: trust.closeDate,
          reason: 'Closed in the ODS register',
        }),
      );
    }
    return results;
  }

  private run(
    name: string,
    key: string,
    date: string,
    body: Record<string, unknown>,
  ): Promise<CommandResult> {
    return this.gateway.submit(
      REGISTER_SEED,
      name,
      { ...body, occurredAt: `${date}T00:00:00Z` },
      {
        idempotencyKey: key,
        sourceSystem: 'ods-register',
        correlationId: 'ods-register-seed',
        transport: 'internal',
      },
    );
  }
}
