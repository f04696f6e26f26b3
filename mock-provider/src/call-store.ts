import { randomUUID } from 'node:crypto';
import { progressAt, type CallLifecycle, type CallProgress } from './call-lifecycle';
import type { Outcome } from './behaviour';

/** What a new call is made of. `createdAt`: when the POST that dials it reached the provider. */
export interface NewCall {
  to: string;
  idempotencyKey: string;
  createdAt: number;
  lifecycle: CallLifecycle;
  statusCallbackUrl?: string;
}

export interface StoredCall extends NewCall {
  id: string;
  lookupCount: number;
}

/** What `GET /calls/:id` answers. */
export interface ProviderCallView extends CallProgress {
  id: string;
  to: string;
}

/** One entry of `GET /calls`: everything a test needs to prove what was dialled and how often it was asked. */
export interface ProviderCallRecord extends ProviderCallView {
  idempotencyKey: string;
  /** Well-formed POSTs that carried this idempotency key, including ones answered with an injected error. */
  postCount: number;
  /** Lookups (`GET /calls/:id`) of this call that passed authentication, including ones answered with an injected error. */
  lookupCount: number;
  createdAt: string;
  statusCallbackUrl: string | null;
  plannedOutcome: Outcome;
}

/** In-memory calls, indexed by id and by idempotency key. */
export class CallStore {
  private readonly byId = new Map<string, StoredCall>();
  private readonly byKey = new Map<string, StoredCall>();
  private readonly postCounts = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  findByKey(idempotencyKey: string): { id: string; to: string } | undefined {
    return this.byKey.get(idempotencyKey);
  }

  countPost(idempotencyKey: string): void {
    this.postCounts.set(idempotencyKey, (this.postCounts.get(idempotencyKey) ?? 0) + 1);
  }

  create(newCall: NewCall): StoredCall {
    const call: StoredCall = { ...newCall, id: randomUUID(), lookupCount: 0 };
    this.byId.set(call.id, call);
    this.byKey.set(call.idempotencyKey, call);
    return call;
  }

  /** The call as a lookup answers it; counts the lookup. */
  lookUp(id: string): ProviderCallView | undefined {
    const call = this.byId.get(id);
    if (!call) return undefined;
    call.lookupCount++;
    return { id: call.id, to: call.to, ...progressAt(call.lifecycle, call.createdAt, this.now()) };
  }

  list(): ProviderCallRecord[] {
    const now = this.now();
    return [...this.byId.values()].map((call) => ({
      id: call.id,
      to: call.to,
      ...progressAt(call.lifecycle, call.createdAt, now),
      idempotencyKey: call.idempotencyKey,
      postCount: this.postCounts.get(call.idempotencyKey) ?? 0,
      lookupCount: call.lookupCount,
      createdAt: new Date(call.createdAt).toISOString(),
      statusCallbackUrl: call.statusCallbackUrl ?? null,
      plannedOutcome: call.lifecycle.outcome,
    }));
  }

  clear(): void {
    this.byId.clear();
    this.byKey.clear();
    this.postCounts.clear();
  }
}
