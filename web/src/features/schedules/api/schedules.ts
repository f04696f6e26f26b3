import type { CallDto, CreateScheduleRequest, ScheduleDto } from '@call-scheduler/shared';
import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

/** Every cached schedule query lives under `schedules`. */
export const scheduleKeys = { all: ['schedules'] as const };

/**
 * A change to a call a schedule made, from the call stream: its status in the schedule's latest runs at once;
 * a run not listed yet has the schedules asked for again.
 */
export function applyScheduledCallChange(queryClient: QueryClient, call: CallDto): void {
  if (!call.scheduleId) return;
  const schedules = queryClient.getQueryData<ScheduleDto[]>(scheduleKeys.all);
  const schedule = schedules?.find(({ id }) => id === call.scheduleId);
  if (!schedules || !schedule) return;
  if (!schedule.recentRuns.some((run) => run.callId === call.id)) {
    void queryClient.invalidateQueries({ queryKey: scheduleKeys.all });
    return;
  }
  const withStatus = (run: ScheduleDto['recentRuns'][number]) => (run.callId === call.id ? { ...run, callStatus: call.status } : run);
  queryClient.setQueryData<ScheduleDto[]>(
    scheduleKeys.all,
    schedules.map((entry) => (entry === schedule ? { ...entry, recentRuns: entry.recentRuns.map(withStatus) } : entry)),
  );
}

/** Temporal's side of a schedule (next run times, a run just started) is asked for again this often while shown. */
const REFRESH_MS = 5_000;

export function getSchedules(signal?: AbortSignal): Promise<ScheduleDto[]> {
  return apiRequest<ScheduleDto[]>('/api/schedules', { signal });
}

export function useSchedules() {
  return useQuery(queryOptions({ queryKey: scheduleKeys.all, queryFn: ({ signal }) => getSchedules(signal), refetchInterval: REFRESH_MS }));
}

export function createSchedule(request: CreateScheduleRequest): Promise<ScheduleDto> {
  return apiRequest<ScheduleDto>('/api/schedules', { method: 'POST', body: request });
}

function useScheduleChange<Input, Output>(send: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => queryClient.invalidateQueries({ queryKey: scheduleKeys.all }) });
}

export function useCreateSchedule() {
  return useScheduleChange(createSchedule);
}

type ScheduleCommand = 'pause' | 'resume' | 'trigger';

/** Pause, resume or run now, each answered with the schedule as it now is. */
export function useScheduleCommand(id: string) {
  return useScheduleChange((command: ScheduleCommand) => apiRequest<ScheduleDto>(`/api/schedules/${encodeURIComponent(id)}/${command}`, { method: 'POST' }));
}

export function useDeleteSchedule(id: string) {
  return useScheduleChange(() => apiRequest<void>(`/api/schedules/${encodeURIComponent(id)}`, { method: 'DELETE' }));
}
