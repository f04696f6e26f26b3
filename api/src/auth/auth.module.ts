import { RateLimitRepository } from '@call-scheduler/db';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AccountsModule } from '../accounts/accounts.module';
import { API_CONFIG, type ApiConfig } from '../config/api.config';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { PostgresThrottlerStorage, RequestThrottleGuard } from './request-throttle';
import { SignInThrottle } from './sign-in-throttle';

/** Who is calling, on every route; the guards run in the order listed: first who, then how often. */
@Module({
  imports: [
    AccountsModule,
    ThrottlerModule.forRootAsync({
      inject: [API_CONFIG, RateLimitRepository],
      useFactory: (config: ApiConfig, counters: RateLimitRepository) => ({
        throttlers: [{ name: 'default', ttl: 60_000, limit: config.requestsPerMinute }],
        storage: new PostgresThrottlerStorage(counters),
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    SignInThrottle,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RequestThrottleGuard },
  ],
})
export class AuthModule {}
