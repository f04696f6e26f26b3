import { callingWindowAt, type CallingWindow, type CallingWindowAt } from '@call-scheduler/shared';

export interface CallingWindowAtInput {
  window: CallingWindow;
  /** When the dial would be made. */
  at: string;
}

/**
 * Whether a dial at `at` falls in the call's window, and until when it stays open; else when it opens. An
 * activity, not workflow code: the time zone rules come with the worker's Node and change with its upgrades,
 * and a replay must see the answer the run saw, which Temporal records.
 */
export function callingWindowAtActivity({ window, at }: CallingWindowAtInput): Promise<CallingWindowAt> {
  return Promise.resolve(callingWindowAt(window, new Date(at)));
}
