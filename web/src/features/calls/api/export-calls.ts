import { callFiltersQuery, type CallFilters } from '../call-filters';

/** Where the CSV of every call the filters select downloads from: a plain link, the session cookie going along. */
export function callsExportHref(filters: CallFilters): string {
  const query = callFiltersQuery(filters).toString();
  return query ? `/api/calls/export?${query}` : '/api/calls/export';
}
