import { AccountRepository, CallBatchRepository, CallRepository } from '@call-scheduler/db';
import { newCallState, type CallBatchDto, type CallBatchReport, type CallBatchRowResult, type NewCall } from '@call-scheduler/shared';
import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Principal } from '../../auth/principal';
import { onDoNotCallList } from '../../do-not-call/do-not-call.errors';
import { DoNotCallService } from '../../do-not-call/do-not-call.service';
import { checkRow, type FieldError } from '../../errors/row-validation';
import { IdempotencyKeyReusedError, InvalidCallInputError, SchedulerUnavailableError } from '../call.errors';
import { callRequest, newCall, newCallProblem, type CallRequest } from '../call-request';
import { CallWorkflows } from '../call-workflows';
import { batchIdFor, callIdForBatchRow } from './batch-ids';
import type { CreateCallBatchDto } from './dto/create-call-batch.dto';
import { CallBatchRowDto } from './dto/call-batch-row.dto';
import { forEachInParallel } from './in-parallel';

/** Workflow starts a bulk request has out at once: Temporal's frontend takes them far faster than one after another. */
const STARTS_AT_ONCE = 50;
/** How many of its batches an account's list shows. */
const LISTED = 200;

type CheckedRow = { row: number; clientRef: string | null } & ({ asked: CallRequest } | { errors: FieldError[] });

/** Calls created in bulk: every row checked as a single create checks it, the valid ones created at once. */
@Injectable()
export class CallBatchesService {
  constructor(
    @Inject(CallRepository) private readonly calls: CallRepository,
    @Inject(CallBatchRepository) private readonly batches: CallBatchRepository,
    @Inject(AccountRepository) private readonly accounts: AccountRepository,
    @Inject(CallWorkflows) private readonly workflows: CallWorkflows,
    @Inject(DoNotCallService) private readonly doNotCall: DoNotCallService,
  ) {}

  /**
   * Checks every row, then creates the valid ones. The report is kept under the request's key: the request sent
   * again answers it and creates nothing. One that failed half-way makes, sent again, the rows it had not made.
   * A request whose rows are all refused changes nothing.
   */
  async create(principal: Principal, request: CreateCallBatchDto, idempotencyKey: string, dryRun: boolean): Promise<CallBatchReport> {
    const { accountId } = principal;
    const requestHash = fingerprint(request);
    const saved = dryRun ? null : await this.batches.findReport(accountId, idempotencyKey);
    if (saved) {
      if (saved.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
      return saved.report;
    }
    const checked = await this.check(accountId, request.calls);
    const batchId = request.batchId ?? batchIdFor(accountId, idempotencyKey);
    if (dryRun) return report(batchId, true, checked.map((row) => ('asked' in row ? result(row, { status: 'valid' }) : rejected(row))));
    // Bad input changes nothing: a request of rejected rows only opens no batch and keeps no report.
    if (!checked.some((row) => 'asked' in row)) return report(batchId, false, checked.map(rejected));
    if (!(await this.batches.open(accountId, batchId, request.name ?? null))) throw new InvalidCallInputError('batchId', 'is not a batch of this account');
    const made = new Map<number, NewCall>();
    for (const row of checked) {
      if ('asked' in row) made.set(row.row, newCall(row.asked, principal, { id: callIdForBatchRow(accountId, idempotencyKey, row.row), batchId }));
    }
    await this.start([...made.values()], idempotencyKey);
    const rows = checked.map((row) => ('asked' in row ? result(row, { status: 'created', callId: made.get(row.row)!.id }) : rejected(row)));
    return (await this.batches.saveReport(accountId, idempotencyKey, { requestHash, report: report(batchId, false, rows) })).report;
  }

  list(accountId: string): Promise<CallBatchDto[]> {
    return this.batches.list(accountId, LISTED);
  }

  /** Each row as a single create would take it, the account's do-not-call list included, in one query for all. */
  private async check(accountId: string, rows: unknown[]): Promise<CheckedRow[]> {
    const defaultWindow = await this.accounts.findDefaultWindow(accountId);
    const now = Date.now();
    const checked = await Promise.all(
      rows.map(async (raw, row): Promise<CheckedRow> => {
        const clientRef = clientRefOf(raw);
        const dto = await checkRow(CallBatchRowDto, raw);
        if (!dto.valid) return { row, clientRef, errors: dto.errors };
        try {
          const asked = callRequest(dto.value, defaultWindow);
          const problem = newCallProblem(asked, now);
          return problem ? { row, clientRef, errors: [fieldError(problem)] } : { row, clientRef, asked };
        } catch (error) {
          if (error instanceof InvalidCallInputError) return { row, clientRef, errors: [fieldError(error)] };
          throw error;
        }
      }),
    );
    const listed = await this.doNotCall.listed(accountId, checked.flatMap((row) => ('asked' in row ? [row.asked.phoneNumber] : [])));
    return checked.map((row) =>
      'asked' in row && listed.has(row.asked.phoneNumber) ? { row: row.row, clientRef: row.clientRef, errors: [fieldError(onDoNotCallList())] } : row,
    );
  }

  /** Starts the calls' workflows, many at once, then writes their rows; a failure is answered 503 with the key to send again. */
  private async start(calls: NewCall[], idempotencyKey: string): Promise<void> {
    try {
      await forEachInParallel(calls, STARTS_AT_ONCE, (call) => this.workflows.start(call));
      await this.calls.insertNewMany(calls.map(newCallState));
    } catch (error) {
      throw new SchedulerUnavailableError(idempotencyKey, error);
    }
  }
}

function clientRefOf(raw: unknown): string | null {
  const clientRef = typeof raw === 'object' && raw !== null ? (raw as { clientRef?: unknown }).clientRef : undefined;
  return typeof clientRef === 'string' ? clientRef : null;
}

function fieldError({ field, message }: InvalidCallInputError): FieldError {
  return { field, message };
}

function result({ row, clientRef }: CheckedRow, outcome: { status: 'created'; callId: string } | { status: 'valid' }): CallBatchRowResult {
  return { row, clientRef, ...outcome };
}

function rejected(row: CheckedRow): CallBatchRowResult {
  return { row: row.row, clientRef: row.clientRef, status: 'rejected', errors: 'errors' in row ? row.errors : [] };
}

function report(batchId: string, dryRun: boolean, rows: CallBatchRowResult[]): CallBatchReport {
  const count = (status: CallBatchRowResult['status']) => rows.filter((row) => row.status === status).length;
  return { batchId, dryRun, created: count('created'), valid: count('valid'), rejected: count('rejected'), rows };
}

/** The request as sent: the same key with other rows is another request. */
function fingerprint(request: CreateCallBatchDto): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}
