import { setHandler } from '@temporalio/workflow';
import { providerStatusSignal, providerStatusStage, type ProviderCallStatus, type ProviderStatusReport } from '@call-scheduler/shared/workflow';

/**
 * The status changes the provider reported by its callbacks, as the API signalled them: kept per provider call,
 * since a callback may come before the run knows the call's id. They may come late, twice, out of order, or not
 * at all; the provider numbers each call's changes 1, 2, 3…, so a gap shows a change still on its way.
 */
export class ProviderStatusReports {
  private readonly reports: ProviderStatusReport[] = [];
  /** Per provider call, the highest sequence the run has taken: a gap below it is closed for good. */
  private readonly taken = new Map<string, number>();

  register(): void {
    setHandler(providerStatusSignal, (report) => void this.reports.push(report));
  }

  /**
   * The call's reported statuses past `known`, one a stage and in the order of their stages: a late report of a
   * stage already passed, or a copy of one, changes nothing. Only those before the first gap in the sequence,
   * unless `pastGaps`: a change that came early waits for the ones before it.
   */
  after(externalCallId: string, known: ProviderCallStatus, { pastGaps }: { pastGaps: boolean }): ProviderStatusReport[] {
    const mine = this.reports.filter((report) => report.externalCallId === externalCallId);
    const received = new Set(mine.map((report) => report.sequence));
    let inOrderThrough = this.taken.get(externalCallId) ?? 0;
    while (received.has(inOrderThrough + 1)) inOrderThrough++;
    const byStage = new Map<number, ProviderStatusReport>();
    for (const report of mine) {
      const stage = providerStatusStage(report.status);
      const due = pastGaps || report.sequence <= inOrderThrough;
      if (due && stage > providerStatusStage(known) && !byStage.has(stage)) byStage.set(stage, report);
    }
    return [...byStage.entries()].sort(([a], [b]) => a - b).map(([, report]) => report);
  }

  /** Whether reports past `known` wait behind a gap in the sequence. */
  waiting(externalCallId: string, known: ProviderCallStatus): boolean {
    return this.after(externalCallId, known, { pastGaps: true }).length > this.after(externalCallId, known, { pastGaps: false }).length;
  }

  /** The run has taken the report: gaps below it will not be waited for again. */
  take(report: ProviderStatusReport): void {
    this.taken.set(report.externalCallId, Math.max(this.taken.get(report.externalCallId) ?? 0, report.sequence));
  }
}
