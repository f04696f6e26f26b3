import {
  SCHEDULED_CALL_WORKFLOW_TYPE,
  scheduledRunWorkflowIdPrefix,
  temporalScheduleId,
  type ScheduleTiming,
  type ScheduledCallInput,
} from '@call-scheduler/shared/workflow';
import { Inject, Injectable } from '@nestjs/common';
import { Client, ScheduleNotFoundError, ScheduleOverlapPolicy, type ScheduleDescription, type ScheduleSpec } from '@temporalio/client';
import { API_CONFIG, type ApiConfig } from '../config/api.config';
import { AccountSearchAttribute } from '../temporal/account-search-attribute';

/**
 * A run due while the previous run's call is still in progress (waiting for its window, retrying, talking) is
 * skipped, not buffered: a recurring call that fell behind should not ring the same person twice in a row.
 */
const OVERLAP = ScheduleOverlapPolicy.SKIP;
/** A run missed while Temporal was away is still made this late, no later: an hours-late call is not wanted. */
const CATCHUP_WINDOW = '10 minutes';

/** The API's side of Temporal Schedules: each schedule of recurring calls is one, whose runs each make a call. */
@Injectable()
export class ScheduleWorkflows {
  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(AccountSearchAttribute) private readonly searchAttributes: AccountSearchAttribute,
  ) {}

  /** The input each run starts with, carrying the dial settings the API has now. */
  runInput(scheduleId: string, template: ScheduledCallInput['template']): ScheduledCallInput {
    return { scheduleId, template, dialRetry: this.config.dialRetry, dialLeadMs: this.config.dialLeadMs };
  }

  async create(timing: ScheduleTiming, input: ScheduledCallInput, paused: boolean): Promise<void> {
    const searchAttributes = this.searchAttributes.of(input.template.accountId);
    await this.client.schedule.create({
      scheduleId: temporalScheduleId(input.scheduleId),
      spec: specOf(timing),
      action: {
        type: 'startWorkflow',
        workflowType: SCHEDULED_CALL_WORKFLOW_TYPE,
        workflowId: scheduledRunWorkflowIdPrefix(input.scheduleId),
        taskQueue: this.config.temporal.taskQueue,
        args: [input],
        typedSearchAttributes: searchAttributes,
        staticSummary: `Recurring call ${input.template.phoneNumber}`,
      },
      policies: { overlap: OVERLAP, catchupWindow: CATCHUP_WINDOW },
      state: { paused },
      typedSearchAttributes: searchAttributes,
    });
  }

  /** The schedule as Temporal has it, or null if Temporal has none of that id. */
  async describe(scheduleId: string): Promise<ScheduleDescription | null> {
    try {
      return await this.handle(scheduleId).describe();
    } catch (error) {
      if (error instanceof ScheduleNotFoundError) return null;
      throw error;
    }
  }

  async update(timing: ScheduleTiming, input: ScheduledCallInput): Promise<void> {
    await this.handle(input.scheduleId).update((previous) => {
      if (previous.action.type !== 'startWorkflow') throw new Error(`Schedule ${input.scheduleId} does not start workflows`);
      return { ...previous, spec: specOf(timing), action: { ...previous.action, args: [input] } };
    });
  }

  pause(scheduleId: string): Promise<void> {
    return this.handle(scheduleId).pause('Paused through the API');
  }

  resume(scheduleId: string): Promise<void> {
    return this.handle(scheduleId).unpause('Resumed through the API');
  }

  /** Runs it now, unless its previous call is still in progress (the overlap policy; the SDK's trigger would allow all). */
  trigger(scheduleId: string): Promise<void> {
    return this.handle(scheduleId).trigger(OVERLAP);
  }

  async delete(scheduleId: string): Promise<void> {
    try {
      await this.handle(scheduleId).delete();
    } catch (error) {
      if (!(error instanceof ScheduleNotFoundError)) throw error;
    }
  }

  temporalUiUrl(scheduleId: string): string {
    const { temporalUiUrl, temporal } = this.config;
    return `${temporalUiUrl}/namespaces/${encodeURIComponent(temporal.namespace)}/schedules/${encodeURIComponent(temporalScheduleId(scheduleId))}`;
  }

  private handle(scheduleId: string) {
    return this.client.schedule.getHandle(temporalScheduleId(scheduleId));
  }
}

function specOf({ cron, intervalSeconds, timeZone, startAt, endAt }: ScheduleTiming): ScheduleSpec {
  return {
    ...(cron ? { cronExpressions: [cron] } : {}),
    ...(intervalSeconds ? { intervals: [{ every: intervalSeconds * 1000 }] } : {}),
    timezone: timeZone,
    ...(startAt ? { startAt: new Date(startAt) } : {}),
    ...(endAt ? { endAt: new Date(endAt) } : {}),
  };
}
