import { AccountRepository, CallRepository, ScheduleRepository, type OwnedSchedule } from '@call-scheduler/db';
import { SCHEDULE_LIMITS, callIdForScheduledRun, type CallStatus, type ScheduleDto } from '@call-scheduler/shared';
import type { ScheduledCallInput } from '@call-scheduler/shared/workflow';
import { Inject, Injectable } from '@nestjs/common';
import type { ScheduleDescription } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal';
import { DoNotCallService } from '../do-not-call/do-not-call.service';
import type { CreateScheduleDto } from './dto/create-schedule.dto';
import type { UpdateScheduleDto } from './dto/update-schedule.dto';
import { ScheduleNotFoundError } from './schedule.errors';
import { newCallTemplate, scheduleTiming, updatedCallTemplate } from './schedule-request';
import { ScheduleWorkflows } from './schedule-workflows';

/** How many of an account's schedules a list shows. */
const LISTED = 100;
/** How many of its latest runs a schedule shows. */
const RECENT_RUNS = 10;

/** Schedules of recurring calls: owned by an account in PostgreSQL, run by Temporal. Nothing here reaches another account. */
@Injectable()
export class SchedulesService {
  constructor(
    @Inject(ScheduleRepository) private readonly schedules: ScheduleRepository,
    @Inject(AccountRepository) private readonly accounts: AccountRepository,
    @Inject(CallRepository) private readonly calls: CallRepository,
    @Inject(ScheduleWorkflows) private readonly workflows: ScheduleWorkflows,
    @Inject(DoNotCallService) private readonly doNotCall: DoNotCallService,
  ) {}

  async create({ accountId, actor }: Principal, asked: CreateScheduleDto): Promise<ScheduleDto> {
    const timing = scheduleTiming(asked, null, Date.now());
    const template = { ...newCallTemplate(asked, accountId, await this.accounts.findDefaultWindow(accountId)), by: actor };
    await this.refuseListed(accountId, template.phoneNumber);
    const id = randomUUID();
    await this.schedules.create({ id, accountId, timing }, () => this.workflows.create(timing, this.workflows.runInput(id, template), asked.paused ?? false));
    return this.get(accountId, id);
  }

  async list(accountId: string): Promise<ScheduleDto[]> {
    const owned = await this.schedules.listInAccount(accountId, LISTED);
    const described = await Promise.all(owned.map(async (schedule) => ({ schedule, description: await this.workflows.describe(schedule.id) })));
    const found = described.flatMap(({ schedule, description }) => (description ? [{ schedule, description }] : []));
    const statuses = await this.callStatuses(found.map(({ description }) => description));
    return found.map(({ schedule, description }) => this.view(schedule, description, statuses));
  }

  async get(accountId: string, id: string): Promise<ScheduleDto> {
    const { schedule, description } = await this.find(accountId, id);
    return this.view(schedule, description, await this.callStatuses([description]));
  }

  /** Changes the fields sent; runs already made keep their calls as they were. */
  async update({ accountId }: Principal, id: string, asked: UpdateScheduleDto): Promise<ScheduleDto> {
    const { schedule, description } = await this.find(accountId, id);
    const timing = scheduleTiming(asked, schedule.timing, Date.now());
    const template = updatedCallTemplate(asked, runInputOf(description).template, timing.timeZone, await this.accounts.findDefaultWindow(accountId));
    if (asked.phoneNumber !== undefined) await this.refuseListed(accountId, template.phoneNumber);
    await this.schedules.updateTiming(accountId, id, timing, () => this.workflows.update(timing, this.workflows.runInput(id, template)));
    return this.get(accountId, id);
  }

  pause(accountId: string, id: string): Promise<ScheduleDto> {
    return this.act(accountId, id, () => this.workflows.pause(id));
  }

  resume(accountId: string, id: string): Promise<ScheduleDto> {
    return this.act(accountId, id, () => this.workflows.resume(id));
  }

  trigger(accountId: string, id: string): Promise<ScheduleDto> {
    return this.act(accountId, id, () => this.workflows.trigger(id));
  }

  /** Stops the runs; calls already made go on to their end. */
  async delete(accountId: string, id: string): Promise<void> {
    if (!(await this.schedules.findInAccount(accountId, id))) throw new ScheduleNotFoundError(id);
    await this.schedules.delete(accountId, id, () => this.workflows.delete(id));
  }

  /** A schedule's calls keep to the list at each dial too: this refuses only what could never ring. */
  private async refuseListed(accountId: string, phoneNumber: string): Promise<void> {
    const problem = await this.doNotCall.problemFor(accountId, phoneNumber);
    if (problem) throw problem;
  }

  private async act(accountId: string, id: string, action: () => Promise<void>): Promise<ScheduleDto> {
    await this.find(accountId, id);
    await action();
    return this.get(accountId, id);
  }

  private async find(accountId: string, id: string): Promise<{ schedule: OwnedSchedule; description: ScheduleDescription }> {
    const schedule = await this.schedules.findInAccount(accountId, id);
    const description = schedule ? await this.workflows.describe(id) : null;
    if (!schedule || !description) throw new ScheduleNotFoundError(id);
    return { schedule, description };
  }

  /** The status of each call the schedules' latest runs made, as the projection has it. */
  private async callStatuses(descriptions: ScheduleDescription[]): Promise<Map<string, CallStatus>> {
    const callIds = descriptions.flatMap((description) => recentRunsOf(description).map(({ callId }) => callId));
    const calls = callIds.length > 0 ? await this.calls.findByIds(callIds) : [];
    return new Map(calls.map((call) => [call.id, call.status]));
  }

  private view(schedule: OwnedSchedule, description: ScheduleDescription, statuses: Map<string, CallStatus>): ScheduleDto {
    const { state, info } = description;
    const { by: _by, accountId: _account, ...call } = runInputOf(description).template;
    return {
      id: schedule.id,
      accountId: schedule.accountId,
      ...call,
      ...schedule.timing,
      paused: state.paused,
      nextRunTimes: state.paused ? [] : info.nextActionTimes.slice(0, SCHEDULE_LIMITS.nextRuns).map((at) => at.toISOString()),
      recentRuns: recentRunsOf(description).map((run) => ({ ...run, callStatus: statuses.get(run.callId) ?? null })),
      createdAt: schedule.createdAt,
      temporalUiUrl: this.workflows.temporalUiUrl(schedule.id),
    };
  }
}

function recentRunsOf({ info }: ScheduleDescription) {
  return info.recentActions
    .slice(-RECENT_RUNS)
    .reverse()
    .map(({ scheduledAt, takenAt, action }) => ({
      scheduledAt: scheduledAt.toISOString(),
      startedAt: takenAt.toISOString(),
      callId: callIdForScheduledRun(action.workflow.workflowId),
    }));
}

function runInputOf({ action }: ScheduleDescription): ScheduledCallInput {
  if (action.type !== 'startWorkflow') throw new Error('A schedule of recurring calls starts workflows');
  return action.args?.[0] as ScheduledCallInput;
}
