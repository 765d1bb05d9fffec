import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Authenticator } from './authenticator';
import { AuthorisationGuard } from './authorisation.guard';
import { DevKeyIssuer, StoreWasEmpty } from './dev-key-issuer';
import { OrganisationResolver } from './organisation-resolver';

/**
 * Authorisation for every route: the policy guard. Authentication and the
 * rate limits are Fastify hooks (authentication-hook.ts, security/rate-limit-hook.ts)
 * that run before Nest, so refused requests count against the limits too.
 */
@Module({})
export class AuthModule {
  static forRoot(authenticator: Authenticator, storeWasEmpty: boolean): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: Authenticator, useValue: authenticator },
        { provide: StoreWasEmpty, useValue: new StoreWasEmpty(storeWasEmpty) },
        OrganisationResolver,
        DevKeyIssuer,
        { provide: APP_GUARD, useClass: AuthorisationGuard },
      ],
      exports: [OrganisationResolver, Authenticator, DevKeyIssuer],
    };
  }
}
