import { Module, type DynamicModule } from '@nestjs/common';
import { AccountsModule } from './accounts/accounts.module';
import { AuthModule } from './auth/auth.module';
import { CallsModule } from './calls/calls.module';
import type { ApiConfig } from './config/api.config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DoNotCallModule } from './do-not-call/do-not-call.module';
import { HealthModule } from './health/health.module';
import { ProviderEventsModule } from './provider-events/provider-events.module';
import { SchedulesModule } from './schedules/schedules.module';
import { TemporalModule } from './temporal/temporal.module';

@Module({})
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, TemporalModule, AuthModule, AccountsModule, CallsModule, SchedulesModule, DoNotCallModule, ProviderEventsModule, HealthModule],
    };
  }
}
