import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config';
import { PrincipalThrottlerGuard } from '../security/principal-throttler.guard';
import { WindowCounterStorage } from '../security/window-counter-storage';
import { Authenticator } from './authenticator';
import { AuthorisationGuard } from './authorisation.guard';
import { DevKeyIssuer, StoreWasEmpty } from './dev-key-issuer';
import { OrganisationResolver } from './organisation-resolver';

/**
 * Authorisation for every route: the rate limit per principal first (so
 * refused requests count too), then the policy guard. Authentication itself
 * is a Fastify hook (authentication-hook.ts) that runs before Nest.
 */
@Module({})
export class AuthModule {
  static forRoot(config: AppConfig, authenticator: Authenticator, storeWasEmpty: boolean): DynamicModule {
    return {
      module: AuthModule,
      imports: [
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'principal', ttl: config.RATE_LIMIT_WINDOW_MS, limit: config.RATE_LIMIT_MAX }],
          storage: new WindowCounterStorage(),
        }),
      ],
      providers: [
        { provide: Authenticator, useValue: authenticator },
        { provide: StoreWasEmpty, useValue: new StoreWasEmpty(storeWasEmpty) },
        OrganisationResolver,
        DevKeyIssuer,
        { provide: APP_GUARD, useClass: PrincipalThrottlerGuard },
        { provide: APP_GUARD, useClass: AuthorisationGuard },
      ],
      exports: [OrganisationResolver, Authenticator, DevKeyIssuer],
    };
  }
}
