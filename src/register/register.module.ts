import { existsSync } from 'node:fs';
import { Inject, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { AppConfig } from '../config/app-config';
import { EVENT_STORE } from '../event-store/port';
import type { EventStore } from '../event-store/port';
import { ConfigurationError } from '../config/load-config';
import { RegisterSeeder } from './register-seeder';

/** Seeds the organisation register the first time the service starts on an empty embedded store. */
@Injectable()
export class SeedRegisterOnEmptyStore implements OnApplicationBootstrap {
  private readonly logger = new Logger('RegisterSeed');

  constructor(
    private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly seeder: RegisterSeeder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.SEED_REGISTER_ON_EMPTY_STORE || this.config.EVENT_STORE !== 'sqlite') return;
    if ((await this.store.headPosition()) > 0) return;
    const path = this.config.REGISTER_CSV_PATH;
    if (!existsSync(path)) {
      // A packaging or settings mistake, not a bug: stop with the one line an operator can act on.
      throw new ConfigurationError([
        `REGISTER_CSV_PATH: the trust register ${path} does not exist (ship data/reference with the service, point REGISTER_CSV_PATH at an extract, or set SEED_REGISTER_ON_EMPTY_STORE=false)`,
      ]);
    }
    this.logger.log('Empty embedded store: registering the NHS trusts of the ODS register');
    await this.seeder.seed(path);
  }
}

@Module({
  imports: [CommandsModule],
  providers: [RegisterSeeder, SeedRegisterOnEmptyStore],
  exports: [RegisterSeeder],
})
export class RegisterModule {}
