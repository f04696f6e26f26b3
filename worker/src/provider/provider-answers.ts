import { z } from 'zod';
import { PROVIDER_CALL_STATUSES } from '@call-scheduler/shared/workflow';
import type { ProviderCall } from './provider-call';

const callId = z.string().min(1).max(200);

/** What a `POST /calls` the provider took answers: the id of the call it placed, or already had under the key. */
export const placedCallAnswer = z.object({ id: callId });

/** What `GET /calls/:id` answers; a call not answered yet may say nothing of its duration. */
export const providerCallAnswer = z
  .object({
    id: callId,
    status: z.enum(PROVIDER_CALL_STATUSES),
    durationSeconds: z.number().min(0).finite().nullish(),
  })
  .transform((call): ProviderCall => ({ id: call.id, status: call.status, durationSeconds: call.durationSeconds ?? null }));
