import { proxyLocalActivities } from '@temporalio/workflow';
import type { CallActivities } from '../../activities';

/** The projection write of calls started before events were recorded from the history: a local activity per event. */
export const { recordCallEvent } = proxyLocalActivities<CallActivities>({
  startToCloseTimeout: '10 seconds',
  scheduleToCloseTimeout: '24 hours',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '1 minute' },
});
