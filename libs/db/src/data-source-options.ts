import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface DatabaseConfig {
  url: string;
  poolSize?: number;
  applicationName?: string;
}

/** The one set of DataSource options, used by the API, the worker and the TypeORM CLI alike. */
export function dataSourceOptions(config: DatabaseConfig): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'all',
    synchronize: false,
    migrationsRun: false,
    poolSize: config.poolSize ?? 10,
    applicationName: config.applicationName,
    extra: { connectionTimeoutMillis: 5_000 },
  };
}
