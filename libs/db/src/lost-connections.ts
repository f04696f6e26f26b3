import type { Pool, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * node-postgres raises 'error' on a client that a query runner holds between two queries when its server
 * goes away (a restart, a failover); with nobody listening, that ends the process (typeorm/typeorm#5387).
 * Heard here instead, the client's next query fails like any other on a lost connection, and is retried.
 * Every client is taken from the pool before use, the one TypeORM opened to check the connection too.
 */
export function surviveLostConnections(dataSource: DataSource, onLost: (error: Error) => void): void {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const heard = new WeakSet<PoolClient>();
  pool.on('acquire', (client: PoolClient) => {
    if (heard.has(client)) return;
    heard.add(client);
    client.on('error', onLost);
  });
}
