import { AccountRepository, CallBatchRepository, CallOverviewRepository, CallRepository, DoNotCallRepository, RateLimitRepository, ScheduleRepository, SessionRepository, dataSourceOptions, migrate, surviveLostConnections } from '@call-scheduler/db';
import { retryUntilReady } from '@call-scheduler/shared/runtime';
import { Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { API_CONFIG, type ApiConfig } from '../config/api.config';

const REPOSITORIES = [CallRepository, AccountRepository, SessionRepository, RateLimitRepository, ScheduleRepository, DoNotCallRepository, CallBatchRepository, CallOverviewRepository];
const DATABASE_LOG = new Logger('Database');

/** One PostgreSQL pool per process, migrated before the API serves; TypeORM closes it on shutdown. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => dataSourceOptions({ url: config.databaseUrl, applicationName: 'call-scheduler-api' }),
      dataSourceFactory: async (options) => {
        const dataSource = await retryUntilReady('PostgreSQL', () => new DataSource(options!).initialize());
        surviveLostConnections(dataSource, (error) => DATABASE_LOG.warn(`Lost a PostgreSQL connection: ${error.message}`));
        await migrate(dataSource);
        return dataSource;
      },
    }),
  ],
  providers: REPOSITORIES.map((Repository) => ({ provide: Repository, inject: [DataSource], useFactory: (dataSource: DataSource) => new Repository(dataSource) })),
  exports: REPOSITORIES,
})
export class DatabaseModule {}
