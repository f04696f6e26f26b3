import type { CallState, CallStatus, NewCall, RecordedCallEvent } from '@call-scheduler/shared';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { CallEntity, CallEventEntity, IdempotencyKeyEntity } from './entities';

export interface CallPageQuery {
  accountId: string;
  status?: CallStatus;
  batchId?: string;
  /** Numbers starting with this, `+` included. */
  phonePrefix?: string;
  limit: number;
  /** Keyset position: the page starts after this call, newest first. */
  after?: { createdAt: string; id: string };
}

export interface IdempotencyClaim {
  call: NewCall;
  requestHash: string;
}

const CALL_COLUMNS = [
  'id', 'account_id', 'phone_number', 'note', 'scheduled_at', 'status', 'attempt', 'max_attempts', 'retry_delay_seconds',
  'next_attempt_at', 'external_call_id', 'last_error', 'dial_hold', 'calling_window', 'latest_at', 'window_opens_at',
  'window_overridden', 'schedule_id', 'batch_id', 'created_at', 'updated_at', 'version',
] as const;

/** Set once, when the call is created: calls whose runs began before accounts carry none in their state. */
const SET_ONCE: readonly string[] = ['id', 'account_id', 'schedule_id', 'batch_id'];

const INSERT_CALL = `
  INSERT INTO calls (${CALL_COLUMNS.join(', ')})
  VALUES (${CALL_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;

/** Rows one statement inserts at most: PostgreSQL takes 65,535 parameters. */
const ROWS_PER_INSERT = 1_000;

/**
 * A call whose run began before accounts has none in its state: its row, made when it was created,
 * already has one, which PostgreSQL must see before it gets to the conflict.
 */
const UPSERT_CALL = `
  INSERT INTO calls (${CALL_COLUMNS.join(', ')})
  VALUES (${CALL_COLUMNS.map((column, i) => (column === 'account_id' ? `coalesce($${i + 1}::uuid, (SELECT account_id FROM calls WHERE id = $1))` : `$${i + 1}`)).join(', ')})
  ON CONFLICT (id) DO UPDATE SET ${CALL_COLUMNS.filter((c) => !SET_ONCE.includes(c)).map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
  WHERE calls.version < EXCLUDED.version`;

/** Reads and writes the call projections; what goes in and out is domain state, never an entity. */
export class CallRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The row a call has before its first event, so a read right after creation finds it. */
  async insertNew(call: CallState): Promise<void> {
    await this.dataSource.query(`${INSERT_CALL} ON CONFLICT (id) DO NOTHING`, callParams(call));
  }

  /** The rows of many new calls, in a statement per thousand. */
  async insertNewMany(calls: CallState[]): Promise<void> {
    for (let from = 0; from < calls.length; from += ROWS_PER_INSERT) {
      const rows = calls.slice(from, from + ROWS_PER_INSERT);
      const values = rows.map((_, row) => `(${CALL_COLUMNS.map((_, column) => `$${row * CALL_COLUMNS.length + column + 1}`).join(', ')})`);
      await this.dataSource.query(
        `INSERT INTO calls (${CALL_COLUMNS.join(', ')}) VALUES ${values.join(', ')} ON CONFLICT (id) DO NOTHING`,
        rows.flatMap(callParams),
      );
    }
  }

  /**
   * Writes a call's events and moves the projection to the state after the last of them, in one
   * transaction. Repeating it, or recording older events after newer ones, never moves the call back.
   * An event written again under the same seq takes the new content: only the workflow's history
   * writes events, so the latest write of a seq is the history's.
   */
  async record(events: RecordedCallEvent[], state: CallState): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(UPSERT_CALL, callParams(state));
      await upsertEvents(manager, events);
    });
  }

  /** The call, if it belongs to the account. */
  async findInAccount(accountId: string, id: string): Promise<CallState | null> {
    const entity = await this.dataSource.getRepository(CallEntity).findOneBy({ id, accountId });
    return entity ? toCallState(entity) : null;
  }

  async findById(id: string): Promise<CallState | null> {
    const entity = await this.dataSource.getRepository(CallEntity).findOneBy({ id });
    return entity ? toCallState(entity) : null;
  }

  /** The calls with these ids, whatever their account, in one query, in no particular order; unknown ids are left out. */
  async findByIds(ids: string[]): Promise<CallState[]> {
    const entities = await this.dataSource.getRepository(CallEntity).findBy({ id: In(ids) });
    return entities.map(toCallState);
  }

  /** The latest calls a schedule's runs made, newest first. */
  async findBySchedule(scheduleId: string, limit: number): Promise<CallState[]> {
    const entities = await this.dataSource.getRepository(CallEntity).find({ where: { scheduleId }, order: { createdAt: 'DESC' }, take: limit });
    return entities.map(toCallState);
  }

  async findEvents(callId: string): Promise<RecordedCallEvent[]> {
    const entities = await this.dataSource.getRepository(CallEventEntity).find({ where: { callId }, order: { seq: 'ASC' } });
    return entities.map(toRecordedEvent);
  }

  async findPage(query: CallPageQuery): Promise<CallState[]> {
    const builder = this.dataSource
      .getRepository(CallEntity)
      .createQueryBuilder('call')
      .where('call.accountId = :accountId', { accountId: query.accountId })
      .orderBy('call.createdAt', 'DESC')
      .addOrderBy('call.id', 'DESC')
      .limit(query.limit);
    if (query.status) builder.andWhere('call.status = :status', { status: query.status });
    if (query.batchId) builder.andWhere('call.batchId = :batchId', { batchId: query.batchId });
    if (query.phonePrefix) builder.andWhere(`call.phoneNumber LIKE :pattern`, { pattern: `${query.phonePrefix.replace(/[\\%_]/g, '\\$&')}%` });
    if (query.after) {
      builder.andWhere('(call.createdAt, call.id) < (:createdAt, :id)', { createdAt: query.after.createdAt, id: query.after.id });
    }
    return (await builder.getMany()).map(toCallState);
  }

  /** The call the account's key is tied to, with the fingerprint of the request that tied it, if any is. */
  async findIdempotencyClaim(accountId: string, key: string): Promise<IdempotencyClaim | null> {
    const claim = await this.dataSource.getRepository(IdempotencyKeyEntity).findOneBy({ accountId, key });
    return claim ? { call: claim.call, requestHash: claim.requestHash } : null;
  }

  /**
   * Ties one of the call's account's keys to the new call, or returns the call the key is already tied
   * to, exactly as it was first created, so concurrent and repeated requests all start and show the same call.
   */
  async claimIdempotencyKey(key: string, requestHash: string, call: NewCall): Promise<IdempotencyClaim> {
    const repository = this.dataSource.getRepository(IdempotencyKeyEntity);
    const { accountId } = call;
    // One round trip for a new key, the usual case: the insert answers the claim it made.
    const inserted = await repository.createQueryBuilder().insert().values({ accountId, key, requestHash, call }).orIgnore().returning(['key']).execute();
    if (inserted.raw.length > 0) return { call, requestHash };
    const claim = await repository.findOneByOrFail({ accountId, key });
    return { call: claim.call, requestHash: claim.requestHash };
  }
}

async function upsertEvents(manager: EntityManager, events: RecordedCallEvent[]): Promise<void> {
  await manager.query(
    `INSERT INTO call_events (call_id, seq, type, data, occurred_at)
     SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::jsonb[], $5::timestamptz[])
     ON CONFLICT (call_id, seq) DO UPDATE SET type = EXCLUDED.type, data = EXCLUDED.data, occurred_at = EXCLUDED.occurred_at`,
    [
      events.map((e) => e.callId),
      events.map((e) => e.seq),
      events.map((e) => e.type),
      events.map((e) => JSON.stringify(e.data)),
      events.map((e) => e.occurredAt),
    ],
  );
}

function callParams(call: CallState): unknown[] {
  return [
    call.id, call.accountId, call.phoneNumber, call.note, call.scheduledAt, call.status, call.attempt, call.maxAttempts,
    call.retryDelaySeconds, call.nextAttemptAt, call.externalCallId, call.lastError, call.dialHold ? JSON.stringify(call.dialHold) : null,
    // States of runs from before calling windows lack these.
    call.window ? JSON.stringify(call.window) : null, call.latestAt ?? null, call.windowOpensAt ?? null, call.windowOverridden ?? false,
    call.scheduleId ?? null, call.batchId ?? null, call.createdAt, call.updatedAt, call.version,
  ];
}

function toCallState(entity: CallEntity): CallState {
  return {
    id: entity.id,
    accountId: entity.accountId,
    phoneNumber: entity.phoneNumber,
    note: entity.note,
    scheduledAt: entity.scheduledAt.toISOString(),
    status: entity.status,
    attempt: entity.attempt,
    maxAttempts: entity.maxAttempts,
    retryDelaySeconds: entity.retryDelaySeconds,
    nextAttemptAt: entity.nextAttemptAt?.toISOString() ?? null,
    externalCallId: entity.externalCallId,
    lastError: entity.lastError,
    dialHold: entity.dialHold,
    window: entity.window,
    latestAt: entity.latestAt?.toISOString() ?? null,
    windowOpensAt: entity.windowOpensAt?.toISOString() ?? null,
    windowOverridden: entity.windowOverridden,
    scheduleId: entity.scheduleId,
    batchId: entity.batchId,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
    version: entity.version,
  };
}

function toRecordedEvent(entity: CallEventEntity): RecordedCallEvent {
  return {
    callId: entity.callId,
    seq: entity.seq,
    type: entity.type,
    data: entity.data,
    occurredAt: entity.occurredAt.toISOString(),
  } as RecordedCallEvent;
}
