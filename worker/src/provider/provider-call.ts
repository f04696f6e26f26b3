import type { ProviderCallStatus } from '@call-scheduler/shared/workflow';

export type { ProviderCallStatus } from '@call-scheduler/shared/workflow';

/** The telephony provider's view of a call, as its REST API reports it. */
export interface ProviderCall {
  id: string;
  status: ProviderCallStatus;
  durationSeconds: number | null;
}
