import type { Actor } from '../accounts';

export const DO_NOT_CALL_LIMITS = {
  reasonMaxLength: 200,
  /** Numbers one import may add: a campaign's list in one request. */
  importMaxEntries: 10_000,
  /** Entries one page of the list holds. */
  pageSize: 100,
} as const;

/** A number the account's calls must never dial, as the REST API serves it. */
export interface DoNotCallEntryDto {
  phoneNumber: string;
  reason: string | null;
  addedAt: string;
  addedBy: Actor | null;
}

export interface DoNotCallPage {
  items: DoNotCallEntryDto[];
  /** Entries on the list in all, matching the search. */
  total: number;
  /** Pass as `after` for the next page; null on the last. */
  nextCursor: string | null;
}

export interface AddDoNotCallRequest {
  phoneNumber: string;
  reason?: string | null;
}

export interface ImportDoNotCallRequest {
  entries: AddDoNotCallRequest[];
}

/** One imported row's fate: added, already listed (kept as it was), or refused with the field's problem. */
export type DoNotCallImportRow =
  | { row: number; status: 'added' | 'already listed'; phoneNumber: string }
  | { row: number; status: 'rejected'; errors: { field: string; message: string }[] };

export interface DoNotCallImportReport {
  added: number;
  alreadyListed: number;
  rejected: number;
  rows: DoNotCallImportRow[];
}
