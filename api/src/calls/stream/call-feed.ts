import { CallRepository, type CallChange } from '@call-scheduler/db';
import { CALL_STREAM_EVENT, type CallDto } from '@call-scheduler/shared';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type MessageEvent, type OnModuleInit } from '@nestjs/common';
import { setImmediate } from 'node:timers/promises';
import { asyncScheduler, buffer, concatMap, filter, map, merge, Subject, throttleTime, type Observable, type Subscription } from 'rxjs';
import { CallPresenter } from '../call.presenter';
import { CallChangeListener } from './call-change-listener';

/** Changes heard within this long of the first are loaded together, in one query. */
const COALESCE_MS = 25;

const RESYNC: MessageEvent = { type: CALL_STREAM_EVENT.resync, data: {} };

/**
 * The one feed of call changes every stream client shares: each change is loaded once and
 * presented once, however many clients are connected.
 */
@Injectable()
export class CallFeed implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(CallFeed.name);
  private readonly feed = new Subject<MessageEvent>();
  private subscription?: Subscription;

  /** Hot: a client hears what happens from when it subscribes. Completes when the application shuts down. */
  readonly events: Observable<MessageEvent> = this.feed.asObservable();

  /** The feed as one account sees it: its own calls, and every resync. */
  eventsOf(accountId: string): Observable<MessageEvent> {
    return this.events.pipe(filter((event) => event.type !== CALL_STREAM_EVENT.call || (event.data as CallDto).accountId === accountId));
  }

  constructor(
    @Inject(CallChangeListener) private readonly listener: CallChangeListener,
    @Inject(CallRepository) private readonly calls: CallRepository,
    @Inject(CallPresenter) private readonly present: CallPresenter,
  ) {}

  onModuleInit(): void {
    const { changes, reconnects } = this.listener;
    const batches = changes.pipe(buffer(changes.pipe(throttleTime(COALESCE_MS, asyncScheduler, { leading: false, trailing: true }))));
    this.subscription = merge(
      // One batch at a time, so a slow query cannot let an older copy of a call overtake a newer one.
      batches.pipe(concatMap((batch) => this.load(batch))),
      reconnects.pipe(map(() => [RESYNC])),
    ).subscribe((events) => events.forEach((event) => this.feed.next(event)));
  }

  /** Ends every client's stream, so their responses end and the HTTP server can close. */
  async beforeApplicationShutdown(): Promise<void> {
    this.subscription?.unsubscribe();
    this.feed.complete();
    // Nest ends each response a few ticks after its stream completes, and the HTTP server, closed
    // next, drops at once only the connections whose response has ended: the others would stay
    // open for the keep-alive timeout.
    await setImmediate();
  }

  private async load(batch: CallChange[]): Promise<MessageEvent[]> {
    const newest = new Map<string, number>();
    for (const { id, version } of batch) newest.set(id, Math.max(version, newest.get(id) ?? version));
    try {
      const calls = await this.calls.findByIds([...newest.keys()]);
      // A row already newer than its notification goes out with its own notification, still on its
      // way: sending it now as well would show a client the same version twice.
      return calls
        .filter((call) => call.version === newest.get(call.id))
        .map((call) => ({ type: CALL_STREAM_EVENT.call, data: this.present.call(call) }));
    } catch (error) {
      this.logger.warn(`Could not load changed calls, asking clients to refetch: ${error instanceof Error ? error.message : String(error)}`);
      return [RESYNC];
    }
  }
}
