import {
  CALL_LIMITS,
  callWindowFor,
  checkPhoneNumber,
  cronProblem,
  isTimeZone,
  type CallTemplate,
  type CallingWindow,
  type DefaultCallingWindow,
  type ScheduleTiming,
} from '@call-scheduler/shared';
import { InvalidCallInputError } from '../calls/call.errors';
import { scheduledAtInstant } from '../calls/scheduled-at';
import type { CreateScheduleDto } from './dto/create-schedule.dto';
import type { UpdateScheduleDto } from './dto/update-schedule.dto';

/** A schedule's timing: a new one's, or `current` with the fields an update sends. Refuses what cannot run. */
export function scheduleTiming(asked: UpdateScheduleDto, current: ScheduleTiming | null, now: number): ScheduleTiming {
  const timing: ScheduleTiming = {
    cron: asked.cron ?? (asked.intervalSeconds !== undefined ? null : (current?.cron ?? null)),
    intervalSeconds: asked.intervalSeconds ?? (asked.cron !== undefined ? null : (current?.intervalSeconds ?? null)),
    timeZone: asked.timeZone ?? current?.timeZone ?? '',
    startAt: asked.startAt !== undefined ? scheduledAtInstant(asked.startAt, 'startAt').toISOString() : (current?.startAt ?? null),
    endAt: asked.endAt !== undefined ? scheduledAtInstant(asked.endAt, 'endAt').toISOString() : (current?.endAt ?? null),
  };
  if (!isTimeZone(timing.timeZone)) throw new InvalidCallInputError('timeZone', 'must be an IANA time zone such as America/Chicago');
  if (asked.cron !== undefined && asked.intervalSeconds !== undefined) throw new InvalidCallInputError('cron', 'and intervalSeconds exclude each other: give one');
  if (timing.cron === null && timing.intervalSeconds === null) throw new InvalidCallInputError('cron', 'or intervalSeconds must be given');
  const cron = timing.cron === null ? null : cronProblem(timing.cron);
  if (cron) throw new InvalidCallInputError('cron', cron);
  if (timing.endAt && Date.parse(timing.endAt) <= Math.max(now, Date.parse(timing.startAt ?? '0'))) {
    throw new InvalidCallInputError('endAt', 'must be in the future and after startAt');
  }
  return timing;
}

/** The call a new schedule's runs make. The window's zone is the schedule's unless it names its own. */
export function newCallTemplate(asked: CreateScheduleDto, accountId: string, defaultWindow: DefaultCallingWindow | null): Omit<CallTemplate, 'by'> {
  const phoneNumber = e164(asked.phoneNumber);
  return {
    accountId,
    phoneNumber,
    note: asked.note?.trim() || null,
    maxAttempts: asked.maxAttempts ?? CALL_LIMITS.maxAttempts.default,
    retryDelaySeconds: asked.retryDelaySeconds ?? CALL_LIMITS.retryDelaySeconds.default,
    window: scheduleWindow(asked.window, asked.timeZone, defaultWindow, phoneNumber),
  };
}

/** The call an updated schedule's runs make: `current` with the fields the update sends. */
export function updatedCallTemplate(asked: UpdateScheduleDto, current: CallTemplate, timeZone: string, defaultWindow: DefaultCallingWindow | null): CallTemplate {
  const phoneNumber = asked.phoneNumber === undefined ? current.phoneNumber : e164(asked.phoneNumber);
  return {
    ...current,
    phoneNumber,
    note: asked.note === undefined ? current.note : asked.note?.trim() || null,
    maxAttempts: asked.maxAttempts ?? current.maxAttempts,
    retryDelaySeconds: asked.retryDelaySeconds ?? current.retryDelaySeconds,
    window: asked.window === undefined ? current.window : scheduleWindow(asked.window, timeZone, defaultWindow, phoneNumber),
  };
}

function e164(phoneNumber: string): string {
  const phone = checkPhoneNumber(phoneNumber);
  if (!phone.valid) throw new InvalidCallInputError('phoneNumber', phone.reason);
  return phone.e164;
}

function scheduleWindow(asked: unknown, timeZone: string, defaultWindow: DefaultCallingWindow | null, phoneNumber: string): CallingWindow | null {
  const inZone = asked === undefined ? (defaultWindow ? { timeZone } : undefined) : isObject(asked) ? { timeZone, ...asked } : asked;
  const { window, problems } = callWindowFor(inZone, defaultWindow, phoneNumber);
  const [problem] = problems;
  if (problem) throw new InvalidCallInputError(problem.field, problem.message.slice(problem.field.length + 1));
  return window;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
