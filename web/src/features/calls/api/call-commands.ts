import type { CallDto, RescheduleCallRequest } from '@call-scheduler/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type ApiRequest } from '../../../lib/api-client';
import { applyCallChange } from './call-cache';

/** What a pending call can be told to do, each answered with the call as it now is. */
export const callCommands = {
  reschedule: (id: string, request: RescheduleCallRequest) => sendCommand(id, '', { method: 'PATCH', body: request }),
  startNow: (id: string) => sendCommand(id, '/start-now', { method: 'POST' }),
  cancel: (id: string) => sendCommand(id, '/cancel', { method: 'POST' }),
};

function sendCommand(id: string, path: string, request: ApiRequest): Promise<CallDto> {
  return apiRequest<CallDto>(`/api/calls/${encodeURIComponent(id)}${path}`, request);
}

function useCallCommand<Input>(send: (input: Input) => Promise<CallDto>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: (call) => applyCallChange(queryClient, call) });
}

export function useRescheduleCall(id: string) {
  return useCallCommand((scheduledAt: string) => callCommands.reschedule(id, { scheduledAt }));
}

export function useStartCallNow(id: string) {
  return useCallCommand(() => callCommands.startNow(id));
}

export function useCancelCall(id: string) {
  return useCallCommand(() => callCommands.cancel(id));
}
