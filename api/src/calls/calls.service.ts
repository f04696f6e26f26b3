import { CallRepository } from '@call-scheduler/db';
import {
  CALL_LIMITS,
  CALL_PAGE_LIMIT,
  checkPhoneNumber,
  isTerminal,
  newCallState,
  type CallState,
  type NewCall,
  type RecordedCallEvent,
} from '@call-scheduler/shared';
import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { decodeCursor, encodeCursor } from './call-cursor';
import { CallNotFoundError, CallNotPendingError, IdempotencyKeyReusedError, InvalidCallInputError } from './call.errors';
import { CallWorkflows } from './call-workflows';
import { scheduledAtInstant } from './scheduled-at';
import type { CreateCallDto } from './dto/create-call.dto';
import type { ListCallsQuery } from './dto/list-calls.query';

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
  ) {}

  /**
   * Starts the call's workflow, then writes the row a GET reads until the first event lands.
   * With an idempotency key, a repeated request finishes or returns the call the first one made.
   */
  async create(request: CreateCallDto, idempotencyKey?: string): Promise<CallState> {
    let call = newCall(request);
    if (idempotencyKey) {
      const requestHash = fingerprint(request);
      const claim = await this.calls.claimIdempotencyKey(idempotencyKey, requestHash, call);
      if (claim.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
      const existing = await this.calls.findById(claim.call.id);
      if (existing) return existing;
      call = claim.call;
    }
    await this.workflows.start(call);
    await this.calls.insertNew(newCallState(call));
    return this.get(call.id);
  }

  async get(id: string): Promise<CallState> {
    const call = await this.calls.findById(id);
    if (!call) throw new CallNotFoundError(id);
    return call;
  }

  async events(id: string): Promise<RecordedCallEvent[]> {
    return this.calls.findEvents(id);
  }

  async list(query: ListCallsQuery): Promise<CallPage> {
    const limit = query.limit ?? CALL_PAGE_LIMIT.default;
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const rows = await this.calls.findPage({ status: query.status, limit: limit + 1, after });
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
  }

  reschedule(id: string, scheduledAt: string): Promise<CallState> {
    return this.command(id, () => this.workflows.reschedule(id, scheduledAt));
  }

  startNow(id: string): Promise<CallState> {
    return this.command(id, () => this.workflows.startNow(id));
  }

  cancel(id: string): Promise<CallState> {
    return this.command(id, () => this.workflows.cancel(id));
  }

  /** Sends a command to a pending call's workflow; the workflow answers once the projection shows the change. */
  private async command(id: string, send: () => Promise<CallState>): Promise<CallState> {
    const known = await this.get(id);
    if (isTerminal(known)) throw new CallNotPendingError(known.status);
    await send();
    return this.get(id);
  }
}

function newCall(request: CreateCallDto): NewCall {
  const phone = checkPhoneNumber(request.phoneNumber);
  if (!phone.valid) throw new InvalidCallInputError('phoneNumber', phone.reason);
  const now = new Date();
  // A time a little in the past (a slow client clock) means now.
  const scheduledAt = request.scheduledAt ? new Date(Math.max(scheduledAtInstant(request.scheduledAt).getTime(), now.getTime())) : now;
  return {
    id: randomUUID(),
    phoneNumber: phone.e164,
    note: request.note?.trim() || null,
    scheduledAt: scheduledAt.toISOString(),
    maxAttempts: request.maxAttempts ?? CALL_LIMITS.maxAttempts.default,
    retryDelaySeconds: request.retryDelaySeconds ?? CALL_LIMITS.retryDelaySeconds.default,
    createdAt: now.toISOString(),
  };
}

/** The request as a canonical string: the same fields with the same values give the same fingerprint. */
function fingerprint(request: CreateCallDto): string {
  const fields = Object.entries(request)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}
