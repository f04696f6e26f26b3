import type { AddDoNotCallRequest, DoNotCallEntryDto } from '@call-scheduler/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { doNotCallKeys } from './do-not-call-keys';

/** Lists the number, or answers its entry as it was when it is listed already. */
export function addDoNotCall(request: AddDoNotCallRequest): Promise<DoNotCallEntryDto> {
  return apiRequest<DoNotCallEntryDto>('/api/do-not-call', { method: 'POST', body: request });
}

/** Takes the number off the list: the account's calls may dial it again. Admins only. */
export function removeDoNotCall(phoneNumber: string): Promise<void> {
  return apiRequest<void>(`/api/do-not-call/${encodeURIComponent(phoneNumber)}`, { method: 'DELETE' });
}

/** A change to the list, after which every page of it, whatever the search, is asked for again. */
export function useDoNotCallChange<Input, Output>(change: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: change, onSettled: () => queryClient.invalidateQueries({ queryKey: doNotCallKeys.all }) });
}

export function useAddDoNotCall() {
  return useDoNotCallChange(addDoNotCall);
}

export function useRemoveDoNotCall() {
  return useDoNotCallChange(removeDoNotCall);
}
