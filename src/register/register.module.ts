import { Inject, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { AppConfig } from '../config/app-config';
import { EVENT_STORE } from '../event-store/port';
import type { EventStore } from '../event-store/port';
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
    this.logger.log('Empty embedded store: registering the NHS trusts of the ODS register');
    await this.seeder.seed();
  }
}

@Module({
  imports: [CommandsModule],
  providers: [RegisterSeeder, SeedRegisterOnEmptyStore],
  exports: [RegisterSeeder],
})
export class RegisterModule {}
