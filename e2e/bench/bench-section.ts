import type { Client } from 'pg';
import type { Stack } from '../src/support/stack';
import type { StackClient } from '../src/support/stack-client';
import type { BenchOptions } from './bench-options';
import type { ProviderReceipts } from './provider-receipts';
import type { ProcessUsage } from './worker-memory/process-usage';

/** The one stack a run measures, and how to reach each part of it. */
export interface BenchContext {
  stack: Stack;
  /** The REST API with the stack's operator key. */
  client: StackClient;
  /** The stack's own database, for rows written or counted directly. */
  db: Client;
  provider: ProviderReceipts;
  temporalAddress: string;
  options: BenchOptions;
  /** Where files beside the JSON (charts) go. */
  outDir: string;
  /** The worker as it was before any section ran: no calls yet. */
  workerAtStart: ProcessUsage;
}

export interface SectionReport {
  /** What the terminal shows: the section's figures as a table, and what they are. */
  text: string;
  /** Every figure, and the samples behind them, for the run's JSON. */
  figures: unknown;
  /** Why the run must fail (a dial that came early, a call never dialled); empty when nothing did. */
  failures: string[];
}

/** One concern of the bench, measured on the run's stack. */
export interface BenchSection {
  /** As `--only` names it, and as the JSON keys its figures. */
  readonly name: string;
  run(bench: BenchContext): Promise<SectionReport>;
}
