import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { retryUntilReady } from '@call-scheduler/shared/runtime';
import { Client, Connection } from '@temporalio/client';
import { API_CONFIG, type ApiConfig } from '../config/api.config';
import { AccountSearchAttribute } from './account-search-attribute';

/** One Temporal connection and client per process, closed when the application shuts down. */
@Global()
@Module({
  providers: [
    {
      provide: Connection,
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) =>
        retryUntilReady('Temporal', () => Connection.connect({ address: config.temporal.address })),
    },
    {
      provide: Client,
      inject: [Connection, API_CONFIG],
      useFactory: (connection: Connection, config: ApiConfig) =>
        new Client({ connection, namespace: config.temporal.namespace }),
    },
    AccountSearchAttribute,
  ],
  exports: [Connection, Client, AccountSearchAttribute],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(Connection) private readonly connection: Connection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
