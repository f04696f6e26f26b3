/** What went wrong, in words for the call's timeline: an activity failure's own cause says it best. */
export function failureMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? error.cause.message : error.message;
}
