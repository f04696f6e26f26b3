import type { CallingWindow } from '@call-scheduler/shared';

/** "for 08:00 in America/Chicago": when a waiting call's window opens, on the callee's clock. */
export function describeWindowWait(opensAt: string, timeZone: string): string {
  const local = new Date(opensAt).toLocaleTimeString('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `for ${local} in ${timeZone}`;
}

/** "mon, tue, wed, thu, fri 08:00–21:00 America/Chicago". */
export function describeCallingWindow({ days, from, to, timeZone }: CallingWindow): string {
  return `${days.join(', ')} ${from}–${to} ${timeZone}`;
}
