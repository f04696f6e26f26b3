import type { StatusCallbackSettings } from './behaviour';
import { progressAt, statusChanges, type ProviderCallStatus } from './call-lifecycle';
import type { StoredCall } from './call-store';
import type { Log } from './logger';
import { deliverStatusCallback } from './status-callback-delivery';
import { signStatusCallback } from './status-callback-signature';

/** The JSON body POSTed to a call's `statusCallbackUrl`, keys in this order. */
export interface StatusCallbackBody {
  id: string;
  status: ProviderCallStatus;
  /** 1, 2, 3… per call in lifecycle order, so a receiver can order deliveries that arrive out of order. */
  sequence: number;
  /** When the call entered `status`, which is not when the callback was sent. */
  occurredAt: string;
  /** Only on the final status. */
  durationSeconds?: number;
  to: string;
}

/** Status callbacks since start-up or the last reset. */
export interface CallbackCounts {
  /** Requests made to receivers, second copies included. */
  sent: number;
  /** Requests answered 2xx. */
  delivered: number;
  /** Requests refused, answered other than 2xx, or not answered in time. Never retried. */
  failed: number;
  /** Callbacks never sent: dropped by `lossRate`, or due while `enabled` was false. */
  lost: number;
  /** Second copies sent by `duplicateRate`. */
  duplicated: number;
}

/** How long after the first copy a duplicated callback's second copy goes out. */
export const DUPLICATE_AFTER_MS = 100;
/** Node fires a longer timer at once instead. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** What becomes of one status change's callback: drawn when the call is created, like its outcome. */
type Fate = { lost: true } | { lost: false; delayMs: number; duplicate: boolean };

export interface StatusCallbacksDeps {
  settings: () => StatusCallbackSettings;
  random: () => number;
  now: () => number;
  /** Unsigned callbacks when unset. */
  secret: string | undefined;
  log: Log;
}

/** Sends each call's status changes to its `statusCallbackUrl` as they happen, with the faults the behaviour asks for. */
export class StatusCallbacks {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();
  private counts = noCounts();

  constructor(private readonly deps: StatusCallbacksDeps) {}

  /** Sets a timer per status change of a new call, if it has a callback URL. */
  schedule(call: StoredCall): void {
    const url = call.statusCallbackUrl;
    if (url === undefined) return;
    const settings = this.deps.settings();
    for (const { body, changedAt } of callbacksOf(call)) {
      const fate = this.fateOf(settings);
      if (fate.lost) this.at(changedAt, () => this.counts.lost++);
      else this.at(changedAt + fate.delayMs, () => this.send(url, body, fate.duplicate));
    }
  }

  stats(): CallbackCounts {
    return { ...this.counts };
  }

  /** Nothing planned is sent, and nothing in flight is waited for or counted. */
  cancel(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const controller of this.inFlight) controller.abort(new Error('cancelled'));
    this.inFlight.clear();
  }

  reset(): void {
    this.cancel();
    this.counts = noCounts();
  }

  /** Draws only what the settings make uncertain, so a test's injected random sequence stays short. */
  private fateOf({ lossRate, duplicateRate, delayMs }: StatusCallbackSettings): Fate {
    if (lossRate > 0 && this.deps.random() < lossRate) return { lost: true };
    const duplicate = duplicateRate > 0 && this.deps.random() < duplicateRate;
    const spread = delayMs.max - delayMs.min;
    return { lost: false, duplicate, delayMs: delayMs.min + (spread > 0 ? this.deps.random() * spread : 0) };
  }

  private send(url: string, body: StatusCallbackBody, duplicate: boolean): void {
    // Read when due rather than when planned: webhooks going down stop callbacks already planned.
    if (!this.deps.settings().enabled) {
      this.counts.lost++;
      return;
    }
    const raw = JSON.stringify(body);
    void this.post(url, body, raw);
    if (duplicate) {
      this.at(this.deps.now() + DUPLICATE_AFTER_MS, () => {
        this.counts.duplicated++;
        void this.post(url, body, raw);
      });
    }
  }

  private async post(url: string, body: StatusCallbackBody, raw: string): Promise<void> {
    const controller = new AbortController();
    this.inFlight.add(controller);
    this.counts.sent++;
    const result = await deliverStatusCallback(url, raw, this.signatureHeaders(raw), controller);
    // cancel() empties the set: a cancelled delivery belongs to counts that were reset, or to a closed provider.
    if (!this.inFlight.delete(controller)) return;
    if (result.delivered) {
      this.counts.delivered++;
      return;
    }
    this.counts.failed++;
    this.deps.log('status callback failed', { id: body.id, status: body.status, sequence: body.sequence, url, reason: result.reason });
  }

  private signatureHeaders(raw: string): Record<string, string> {
    return this.deps.secret ? signStatusCallback(this.deps.secret, raw, this.deps.now()) : {};
  }

  /** Runs `task` when the injected clock reaches `epochMs`, counting real time from now. */
  private at(epochMs: number, task: () => void): void {
    const delayMs = Math.max(0, epochMs - this.deps.now());
    // Such a change is 24 days off: no test or benchmark runs that long.
    if (delayMs > MAX_TIMER_MS) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      task();
    }, delayMs);
    // Pending callbacks must not keep a process alive that is otherwise done.
    timer.unref();
    this.timers.add(timer);
  }
}

function callbacksOf(call: StoredCall): { body: StatusCallbackBody; changedAt: number }[] {
  const changes = statusChanges(call.lifecycle);
  return changes.map(({ status, afterMs }, index) => {
    const changedAt = call.createdAt + afterMs;
    const final = index === changes.length - 1;
    const { durationSeconds } = progressAt(call.lifecycle, call.createdAt, changedAt);
    const body: StatusCallbackBody = {
      id: call.id,
      status,
      sequence: index + 1,
      occurredAt: new Date(changedAt).toISOString(),
      ...(final && { durationSeconds }),
      to: call.to,
    };
    return { body, changedAt };
  });
}

function noCounts(): CallbackCounts {
  return { sent: 0, delivered: 0, failed: 0, lost: 0, duplicated: 0 };
}
