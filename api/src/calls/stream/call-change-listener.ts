import { CALL_CHANGES_CHANNEL, parseCallChange, type CallChange } from '@call-scheduler/db';
import { retryUntilReady } from '@call-scheduler/shared/runtime';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { Subject, type Observable } from 'rxjs';
import { API_CONFIG, type ApiConfig } from '../../config/api.config';

/** How the listener's connection shows in pg_stat_activity. */
export const LISTENER_APPLICATION_NAME = 'call-scheduler-api-listener';

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 5_000;

/**
 * Hears every change to the `calls` projection, whichever process wrote it, on a PostgreSQL
 * connection of its own: a LISTEN holds its connection for good, which a pooled one must not.
 */
@Injectable()
export class CallChangeListener implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(CallChangeListener.name);
  private readonly changed = new Subject<CallChange>();
  private readonly reconnected = new Subject<void>();
  private readonly stopped = new AbortController();
  private client?: Client;

  /** Each committed change, in commit order. */
  readonly changes: Observable<CallChange> = this.changed.asObservable();
  /** Listening again after the connection was lost: the changes in between were not heard. */
  readonly reconnects: Observable<void> = this.reconnected.asObservable();

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  async onModuleInit(): Promise<void> {
    this.client = await retryUntilReady('PostgreSQL (LISTEN)', () => this.listen());
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped.abort();
    await this.client?.end();
  }

  private async listen(): Promise<Client> {
    const client = new Client({
      connectionString: this.config.databaseUrl,
      application_name: LISTENER_APPLICATION_NAME,
      connectionTimeoutMillis: 5_000,
      // Every query here answers at once unless the connection is gone: see probe().
      query_timeout: this.config.listenerProbeMs,
    });
    // Without a listener, an error on an idle client would end the process; 'end' follows it.
    client.on('error', (error) => this.logger.warn(`Call changes listener: ${error.message}`));
    try {
      await client.connect();
      await client.query(`LISTEN ${CALL_CHANGES_CHANNEL}`);
    } catch (error) {
      await client.end();
      throw error;
    }
    client.on('notification', ({ payload }) => this.notified(payload));
    client.once('end', () => void this.reconnect());
    void this.probe(client);
    return client;
  }

  /**
   * Asks the connection `SELECT 1` every probe interval while it is open. A LISTEN connection is idle
   * most of the time: one that went silent (a failover, a NAT that forgot it, a stalled server) would
   * otherwise hear nothing for as long as TCP takes to notice, while heartbeats keep clients showing
   * Live. Ended instead, it is listened again, and clients resync.
   */
  private async probe(client: Client): Promise<void> {
    const ended = new AbortController();
    client.once('end', () => ended.abort());
    const signal = AbortSignal.any([ended.signal, this.stopped.signal]);
    const every = this.config.listenerProbeMs;
    while (await sleep(every, true, { signal }).catch(() => false)) {
      try {
        await client.query('SELECT 1');
      } catch (error) {
        if (signal.aborted) return;
        this.logger.warn(`Call changes listener did not answer a probe within ${every} ms, listening again: ${error instanceof Error ? error.message : String(error)}`);
        // With the probe still unanswered, end() drops the socket rather than wait for a goodbye.
        await client.end();
        return;
      }
    }
  }

  private notified(payload: string | undefined): void {
    const change = parseCallChange(payload);
    if (change) this.changed.next(change);
    else this.logger.warn(`Ignored a notification on ${CALL_CHANGES_CHANNEL} that no trigger of ours wrote: ${payload}`);
  }

  /** Listens again: at once, then 250 ms, 500 ms, ... up to 5 s apart, for as long as the application runs. */
  private async reconnect(): Promise<void> {
    for (let delay = FIRST_RETRY_MS; !this.stopped.signal.aborted; delay = Math.min(delay * 2, MAX_RETRY_MS)) {
      try {
        const client = await this.listen();
        if (this.stopped.signal.aborted) {
          await client.end();
          return;
        }
        this.client = client;
        this.reconnected.next();
        return;
      } catch (error) {
        this.logger.warn(`Call changes listener cannot listen, next try in ${delay} ms: ${error instanceof Error ? error.message : String(error)}`);
        await sleep(delay, undefined, { signal: this.stopped.signal }).catch(() => undefined);
      }
    }
  }
}
