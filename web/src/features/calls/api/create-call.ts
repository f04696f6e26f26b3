import type { CallDto, CreateCallRequest } from '@call-scheduler/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { applyCallChange } from './call-cache';

export interface CreateCallInput {
  request: CreateCallRequest;
  /** The same key for a repeated submission of the same form, so a retry never makes a second call. */
  idempotencyKey: string;
}

export function createCall({ request, idempotencyKey }: CreateCallInput): Promise<CallDto> {
  return apiRequest<CallDto>('/api/calls', { method: 'POST', body: request, headers: { 'idempotency-key': idempotencyKey } });
}

export function useCreateCall() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createCall, onSuccess: (call) => applyCallChange(queryClient, call) });
}
