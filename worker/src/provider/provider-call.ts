/** The telephony provider's view of a call, as its REST API reports it. */
export type ProviderCallStatus = 'queued' | 'ringing' | 'in_progress' | 'completed' | 'no_answer' | 'busy' | 'failed';

export interface ProviderCall {
  id: string;
  status: ProviderCallStatus;
  durationSeconds: number | null;
}

export const PROVIDER_FINAL_STATUSES: readonly ProviderCallStatus[] = ['completed', 'no_answer', 'busy', 'failed'];
