import type { ScheduleDto } from '@call-scheduler/shared';
import { useId, useState } from 'react';
import { Confirm } from '../../../components/confirm';
import { FormError } from '../../../components/form-error';
import { QueryState } from '../../../components/query-state';
import { useCallerRole } from '../../../lib/caller-role';
import { formatDateTime } from '../../../lib/date-time';
import { useNow } from '../../../lib/use-now';
import { useTimeZone } from '../../../lib/time-zone';
import { callCommandAvailability } from '../../calls/call-actions.rules';
import { formatPhoneNumber } from '../../calls/phone-number-input';
import { callHref } from '../../calls/selected-call';
import { describeCallingWindow } from '../../calls/window-description';
import { CallTime } from '../../calls/components/call-time';
import { StatusBadge } from '../../calls/components/status-badge';
import { useDeleteSchedule, useScheduleCommand, useSchedules } from '../api/schedules';
import { describeScheduleTiming } from '../schedule-description';

/** The latest runs a schedule lists, each linking to its call. */
const RUNS_SHOWN = 5;

/** Every recurring call of the account, with its next runs and latest calls; new ones come from the call form's Repeat. */
export function SchedulesPage() {
  const schedules = useSchedules();
  const titleId = useId();
  return (
    <section className="panel schedules" aria-labelledby={titleId}>
      <h2 id={titleId}>Recurring calls</h2>
      <p className="hint">Each is a Temporal Schedule; every run makes an ordinary call. Make one with Repeat in the new call form.</p>
      <QueryState query={schedules} what="the recurring calls" />
      {schedules.data?.length === 0 && <p>No recurring calls yet.</p>}
      <ul className="schedule-list">
        {schedules.data?.map((schedule) => (
          <ScheduleItem key={schedule.id} schedule={schedule} />
        ))}
      </ul>
    </section>
  );
}

function ScheduleItem({ schedule }: { schedule: ScheduleDto }) {
  const availability = callCommandAvailability(useCallerRole());
  const command = useScheduleCommand(schedule.id);
  const remove = useDeleteSchedule(schedule.id);
  const [confirming, setConfirming] = useState(false);
  const timeZone = useTimeZone();
  const now = useNow();
  const id = useId();
  const reasonId = availability.allowed ? undefined : `${id}-reason`;
  const [next] = schedule.nextRunTimes;

  return (
    <li className="schedule" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        <span className="mono">{formatPhoneNumber(schedule.phoneNumber)}</span> · {describeScheduleTiming(schedule)}
        {schedule.paused && <span className="badge badge-cancelled">Paused</span>}
      </h3>
      {schedule.note && <p className="note">{schedule.note}</p>}
      <dl className="facts">
        <dt>Next call</dt>
        <dd>{next ? <CallTime at={next} now={now} /> : schedule.paused ? 'None while paused' : 'None: the schedule has ended'}</dd>
        {schedule.nextRunTimes.length > 1 && (
          <>
            <dt>Then</dt>
            <dd>{schedule.nextRunTimes.slice(1).map((at) => formatDateTime(at, timeZone)).join(' · ')}</dd>
          </>
        )}
        {schedule.window && (
          <>
            <dt>Calling window</dt>
            <dd>{describeCallingWindow(schedule.window)}</dd>
          </>
        )}
        <dt>Latest calls</dt>
        <dd>
          {schedule.recentRuns.length === 0
            ? 'None yet'
            : schedule.recentRuns.slice(0, RUNS_SHOWN).map((run, index) => (
                <span key={run.callId} className="line">
                  {index > 0 && ' · '}
                  <a href={callHref(run.callId)}>{formatDateTime(run.startedAt, timeZone)}</a> {run.callStatus && <StatusBadge status={run.callStatus} />}
                </span>
              ))}
        </dd>
      </dl>
      <div className="actions" role="group" aria-label="Schedule actions">
        <button type="button" disabled={!availability.allowed || command.isPending} aria-describedby={reasonId} onClick={() => command.mutate(schedule.paused ? 'resume' : 'pause')}>
          {schedule.paused ? 'Resume' : 'Pause'}
        </button>
        <button type="button" className="secondary" disabled={!availability.allowed || command.isPending} aria-describedby={reasonId} onClick={() => command.mutate('trigger')}>
          Run now
        </button>
        <button type="button" className="danger" disabled={!availability.allowed} aria-describedby={reasonId} onClick={() => setConfirming(true)}>
          Delete
        </button>
        <a href={schedule.temporalUiUrl} target="_blank" rel="noreferrer">
          In Temporal<span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      </div>
      {!availability.allowed && (
        <p id={reasonId} className="hint">
          {availability.reason}
        </p>
      )}
      <FormError message={command.error?.message} />
      {confirming && (
        <Confirm
          label="Confirm deletion"
          question="Delete this recurring call? No more calls are made; calls already under way go on."
          confirmLabel="Delete it"
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate(undefined)}
          onKeep={() => setConfirming(false)}
        />
      )}
    </li>
  );
}
