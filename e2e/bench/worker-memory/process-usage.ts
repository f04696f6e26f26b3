import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/** One process's memory and CPU at an instant, from Linux's /proc. */
export interface ProcessUsage {
  /** This machine's clock, ms. */
  at: number;
  /** Resident set size (VmRSS). */
  rssBytes: number;
  /** The largest the resident set has been since the process started (VmHWM). */
  peakRssBytes: number;
  /** CPU time in user and system mode since the process started, over all its threads. */
  cpuSeconds: number;
}

let ticksPerSecond: number | undefined;

export async function processUsage(pid: number): Promise<ProcessUsage> {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  const [status, stat] = await Promise.all([readFile(`/proc/${pid}/status`, 'utf8'), readFile(`/proc/${pid}/stat`, 'utf8')]);
  return { at: Date.now(), ...residentSet(status), cpuSeconds: cpuSeconds(stat, ticksPerSecond) };
}

/** VmRSS and VmHWM from /proc/<pid>/status, in bytes. */
export function residentSet(status: string): Pick<ProcessUsage, 'rssBytes' | 'peakRssBytes'> {
  const kilobytes = (field: string) => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
    if (!match) throw new Error(`no ${field} in /proc/<pid>/status`);
    return Number(match[1]) * 1024;
  };
  return { rssBytes: kilobytes('VmRSS'), peakRssBytes: kilobytes('VmHWM') };
}

/** utime + stime from /proc/<pid>/stat (fields 14 and 15, after the command name, which may hold spaces and parentheses). */
export function cpuSeconds(stat: string, ticksPerSecond: number): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): utime is field 14, stime field 15.
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

/** The share of one core the process used between two readings: 0.5 is half a core's time. */
export function cpuShare(from: ProcessUsage, to: ProcessUsage): number {
  return (to.cpuSeconds - from.cpuSeconds) / ((to.at - from.at) / 1000);
}
