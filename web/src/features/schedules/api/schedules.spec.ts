import type { ScheduleDto } from '@call-scheduler/shared';
import { QueryClient } from '@tanstack/react-query';
import { makeCall } from '../../../testing/call-fixtures';
import { applyScheduledCallChange, scheduleKeys } from './schedules';

const RUN = { scheduledAt: '2030-01-04T17:30:00.000Z', startedAt: '2030-01-04T17:30:01.000Z', callId: 'call-9', callStatus: 'dialing' as const };

function cached(): QueryClient {
  const queryClient = new QueryClient();
  queryClient.setQueryData<Partial<ScheduleDto>[]>(scheduleKeys.all, [{ id: 'schedule-1', recentRuns: [RUN] }, { id: 'schedule-2', recentRuns: [] }]);
  return queryClient;
}

describe('applyScheduledCallChange', () => {
  it("puts a listed run's call status into its schedule at once", () => {
    const queryClient = cached();
    applyScheduledCallChange(queryClient, makeCall({ id: 'call-9', scheduleId: 'schedule-1', status: 'completed' }));
    expect(queryClient.getQueryData<ScheduleDto[]>(scheduleKeys.all)?.[0]?.recentRuns).toEqual([{ ...RUN, callStatus: 'completed' }]);
  });

  it('asks for the schedules again for a run not listed yet, and ignores calls made on their own', async () => {
    const queryClient = cached();
    const invalidate = jest.spyOn(queryClient, 'invalidateQueries');

    applyScheduledCallChange(queryClient, makeCall({ id: 'call-1' }));
    expect(invalidate).not.toHaveBeenCalled();
    applyScheduledCallChange(queryClient, makeCall({ id: 'call-10', scheduleId: 'schedule-2', status: 'scheduled' }));
    expect(invalidate).toHaveBeenCalledWith({ queryKey: scheduleKeys.all });
  });
});
