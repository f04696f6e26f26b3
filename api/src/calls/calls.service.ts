import { AccountRepository, CallRepository } from '@call-scheduler/db';
import {
  CALL_PAGE_LIMIT,
  isTerminal,
  newCallState,
  type CallState,
  type NewCall,
  type RecordedCallEvent,
} from '@call-scheduler/shared';
import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { decodeCursor, encodeCursor } from './call-cursor';
import { callRequest, newCall, newCallProblem, type CallRequest } from './call-request';
import { CallNotFoundError, CallNotPendingError, IdempotencyKeyReusedError, InvalidCallInputError, SchedulerUnavailableError } from './call.errors';
import { CallProjection } from './call-projection';
import { phonePrefixOf } from './phone-search';
import type { Principal } from '../auth/principal';
import { DoNotCallService } from '../do-not-call/do-not-call.service';
import { CallWorkflows } from './call-workflows';
import type { CreateCallDto } from './dto/create-call.dto';
import type { ListCallsQuery } from './dto/list-calls.query';

/** Calls an export reads from PostgreSQL at a time. */
const EXPORT_PAGE = 1_000;

export interface CallPage {
  items: CallState[];
  nextCursor: string | null;
}

/** Schedules calls through their workflows and reads them from the projections. */
@Injectable()
export class CallsService {
  constructor(
    @Inject(CallRepository) private readonly calls: CallRepository,
    @Inject(CallWorkflows) private readonly workflows: CallWorkflows,
    @Inject(CallProjection) private readonly projection: CallProjection,
    @Inject(AccountRepository) private readonly accounts: AccountRepository,
    @Inject(DoNotCallService) private readonly doNotCall: DoNotCallService,
  ) {}

  /**
   * Starts the call's workflow, then writes the row a GET reads until the first event lands. Every
   * create is made under an idempotency key, the client's or one the controller chose: a request
   * that comes back with it, however late, finishes or returns the call the first one made.
   */
  async create(principal: Principal, request: CreateCallDto, idempotencyKey: string): Promise<CallState> {
    try {
      const asked = callRequest(request, await this.accounts.findDefaultWindow(principal.accountId));
      const { call, made } = await this.claim(principal, asked, idempotencyKey);
      const existing = made ? null : await this.calls.findInAccount(principal.accountId, call.id);
      if (existing) return existing;
      await this.workflows.start(call);
      await this.calls.insertNew(newCallState(call));
      return await this.get(principal.accountId, call.id);
    } catch (error) {
      if (error instanceof InvalidCallInputError || error instanceof IdempotencyKeyReusedError) throw error;
      throw new SchedulerUnavailableError(idempotencyKey, error);
    }
  }

  /** The account's call; another account's call is not found, as if it did not exist. */
  async get(accountId: string, id: string): Promise<CallState> {
    const call = await this.calls.findInAccount(accountId, id);
    if (!call) throw new CallNotFoundError(id);
    return call;
  }

  /** The timeline of a call get() found. */
  async events(call: CallState): Promise<RecordedCallEvent[]> {
    return this.calls.findEvents(call.id);
  }

  async list(accountId: string, query: ListCallsQuery): Promise<CallPage> {
    const limit = query.limit ?? CALL_PAGE_LIMIT.default;
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const rows = await this.calls.findPage({ ...filterOf(accountId, query), limit: limit + 1, after });
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
  }

  /** Every call the list's filters select, newest first, a page at a time: an export of any size in bounded memory. */
  async *everyPage(accountId: string, query: ListCallsQuery): AsyncGenerator<CallState[]> {
    let after: { createdAt: string; id: string } | undefined;
    for (;;) {
      const page = await this.calls.findPage({ ...filterOf(accountId, query), limit: EXPORT_PAGE, after });
      if (page.length > 0) yield page;
      const last = page.at(-1);
      if (page.length < EXPORT_PAGE || !last) return;
      after = { createdAt: last.createdAt, id: last.id };
    }
  }

  reschedule(principal: Principal, id: string, scheduledAt: string): Promise<CallState> {
    return this.command(principal, id, () => this.workflows.reschedule(id, scheduledAt, principal.actor));
  }

  startNow(principal: Principal, id: string, overrideWindow: boolean): Promise<CallState> {
    return this.command(principal, id, () => this.workflows.startNow(id, principal.actor, overrideWindow));
  }

  cancel(principal: Principal, id: string): Promise<CallState> {
    return this.command(principal, id, () => this.workflows.cancel(id, principal.actor));
  }

  /**
   * The call the key is tied to, tying it to a new call if it is not tied yet (`made`). A time no longer schedulable,
   * or a number put on the do-not-call list, is refused only for a key not tied yet: a request sent again is the
   * same request, and the call it made keeps to the list when it dials.
   */
  private async claim(principal: Principal, asked: CallRequest, idempotencyKey: string): Promise<{ call: NewCall; made: boolean }> {
    const requestHash = fingerprint(asked);
    const problem = newCallProblem(asked, Date.now()) ?? (await this.doNotCall.problemFor(principal.accountId, asked.phoneNumber));
    const fresh = problem ? null : newCall(asked, principal, { id: randomUUID() });
    const claim = await (fresh
      ? this.calls.claimIdempotencyKey(idempotencyKey, requestHash, fresh)
      : this.calls.findIdempotencyClaim(principal.accountId, idempotencyKey));
    if (!claim) throw problem ?? new Error('A call was neither made nor found for the key');
    if (claim.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
    // A key just tied to this request's own new call: no earlier request can have made it.
    return { call: claim.call, made: claim.call.id === fresh?.id };
  }

  /** Sends a command to a pending call's workflow, and answers once the projection shows its outcome. */
  private async command({ accountId }: Principal, id: string, send: () => Promise<CallState>): Promise<CallState> {
    const known = await this.get(accountId, id);
    if (isTerminal(known)) throw new CallNotPendingError(known.status);
    return this.projection.caughtUp(await send());
  }
}

function filterOf(accountId: string, { status, batchId, search }: ListCallsQuery) {
  return { accountId, status, batchId, phonePrefix: phonePrefixOf(search) };
}

/**
 * The request as it is understood, not as it was written: a retry that writes the same call another
 * way (spaces in the number, a default spelled out, another offset for the same instant) matches.
 */
function fingerprint(asked: CallRequest): string {
  return createHash('sha256').update(JSON.stringify(asked)).digest('hex');
}
