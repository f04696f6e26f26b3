import { CallRepository } from '@call-scheduler/db';
import type { CallState } from '@call-scheduler/shared';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { CallChangeListener } from './stream/call-change-listener';

/** How long a command's answer waits for the projection to show it; after that the workflow's own state answers. */
const CATCH_UP_MS = 5_000;
/** Looks again this often even without a notification, in case the listener is reconnecting. */
const RECHECK_MS = 250;

/**
 * Read-your-writes for commands: the workflow answers a command at once, and its events reach
 * PostgreSQL a moment later, written by the worker. The answer waits for them, so a GET right
 * after it sees the change.
 */
@Injectable()
export class CallProjection {
  private readonly logger = new Logger(CallProjection.name);

  constructor(
    @Inject(CallRepository) private readonly calls: CallRepository,
    @Inject(CallChangeListener) private readonly listener: CallChangeListener,
  ) {}

  /** The call as PostgreSQL shows it once it has caught up with `state` (it may be newer still). */
  async caughtUp(state: CallState): Promise<CallState> {
    let wake = (): void => undefined;
    const subscription = this.listener.changes.subscribe((change) => {
      if (change.id === state.id && change.version >= state.version) wake();
    });
    try {
      for (const giveUpAt = Date.now() + CATCH_UP_MS; ; ) {
        const notified = new Promise<void>((resolve) => (wake = resolve));
        const row = await this.calls.findById(state.id);
        if (row && row.version >= state.version) return row;
        const left = giveUpAt - Date.now();
        if (left <= 0) {
          this.logger.warn(`Call ${state.id} is still not projected at version ${state.version}; answering with the workflow's state`);
          return state;
        }
        await Promise.race([notified, sleep(Math.min(left, RECHECK_MS))]);
      }
    } finally {
      subscription.unsubscribe();
    }
  }
}
