import type { CreateScheduleRequest, ScheduleDto } from '@call-scheduler/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

/** Every cached schedule query lives under `schedules`. */
export const scheduleKeys = { all: ['schedules'] as const };

/** Schedules change as Temporal runs them (next run times, latest runs): asked again this often while shown. */
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
