import { proxyActivities, sleep } from '@temporalio/workflow';
import type { BareActivities } from './activities';

const { dial } = proxyActivities<BareActivities>({ startToCloseTimeout: '10 seconds' });

export interface SleepThenDialInput {
  phoneNumber: string;
  idempotencyKey: string;
  dueAtMs: number;
}

/** The least a Temporal user would write: a timer until the instant, then one activity that dials. */
export async function sleepThenDial(call: SleepThenDialInput): Promise<void> {
  const untilDue = call.dueAtMs - Date.now();
  if (untilDue > 0) await sleep(untilDue);
  await dial({ phoneNumber: call.phoneNumber, idempotencyKey: call.idempotencyKey });
}
