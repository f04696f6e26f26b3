import { defineSignal } from '@temporalio/workflow';

/** A call's status at the telephony provider, as its REST API and its status callbacks report it. */
export const PROVIDER_CALL_STATUSES = ['queued', 'ringing', 'in_progress', 'completed', 'no_answer', 'busy', 'failed'] as const;
export type ProviderCallStatus = (typeof PROVIDER_CALL_STATUSES)[number];

/** How far along its life a status is: a report of an earlier stage than one known already is late, and changes nothing. */
export function providerStatusStage(status: ProviderCallStatus): number {
  if (status === 'queued') return 0;
  if (status === 'ringing') return 1;
  if (status === 'in_progress') return 2;
  return 3;
}

/** A status change the provider reported by its signed callback, passed on to the call's workflow. */
export interface ProviderStatusReport {
  externalCallId: string;
  status: ProviderCallStatus;
  /** The provider's count of the call's changes: 1, 2, 3… */
  sequence: number;
  durationSeconds: number | null;
  occurredAt: string;
}

export const providerStatusSignal = defineSignal<[ProviderStatusReport]>('providerStatus');
