import type { CallingWindow, DefaultCallingWindow } from '@call-scheduler/shared';

/** "for 08:00 in America/Chicago": when a waiting call's window opens, on the callee's clock. */
export function describeWindowWait(opensAt: string, timeZone: string): string {
  const local = new Date(opensAt).toLocaleTimeString('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `for ${local} in ${timeZone}`;
}

/** "mon, tue, wed, thu, fri 08:00–21:00": calling hours, on whoever's clock. */
export function describeHours({ days, from, to }: DefaultCallingWindow): string {
  return `${days.join(', ')} ${from}–${to}`;
}

/** "mon, tue, wed, thu, fri 08:00–21:00 America/Chicago". */
export function describeCallingWindow(window: CallingWindow): string {
  return `${describeHours(window)} ${window.timeZone}`;
}
