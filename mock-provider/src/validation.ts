import type { z } from 'zod';

export interface ValidationProblem {
  /** Dotted path of the offending field, absent when the whole input is wrong. */
  field?: string;
  message: string;
}

/** Reduces a zod error to its first issue, phrased as `field: what is wrong`. */
export function describeValidationError(error: z.ZodError): ValidationProblem {
  const issue = error.issues[0];
  if (!issue) return { message: 'invalid input' };
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys.slice(0, 1)] : issue.path;
  const message = messageOf(issue);
  const field = path.map(String).join('.');
  return field ? { field, message: `${field}: ${message}` } : { message };
}

function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return 'unknown field';
  // A bad record key reports a generic message; the key schema's own message says what a key must look like.
  if (issue.code === 'invalid_key') return issue.issues[0]?.message ?? issue.message;
  return issue.message;
}
