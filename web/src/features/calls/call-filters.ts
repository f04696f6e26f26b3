import type { CallDto, CallStatus } from '@call-scheduler/shared';

/** What the list is narrowed to; an absent field narrows nothing. */
export interface CallFilters {
  status?: CallStatus;
  batchId?: string;
  /** The first digits of the number, the + optional. */
  search?: string;
}

const NUMBER_PREFIX = /^\+?\d{0,15}$/;

/** Whether `text` is a search the API takes: the first digits of a number, the + optional. */
export function isNumberPrefix(text: string): boolean {
  return NUMBER_PREFIX.test(text);
}

/** The filters as query parameters, in a fixed order, the empty ones left out. */
export function callFiltersQuery({ status, batchId, search }: CallFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (status) query.set('status', status);
  if (batchId) query.set('batchId', batchId);
  if (search) query.set('search', search);
  return query;
}

/** Whether `call` belongs in a list with these filters, as the API decides it. */
export function matchesFilters(call: CallDto, { status, batchId, search }: CallFilters): boolean {
  if (status && call.status !== status) return false;
  if (batchId && call.batchId !== batchId) return false;
  return !search || call.phoneNumber.startsWith(`+${search.replace(/^\+/, '')}`);
}
