import { z } from 'zod';
import { e164Schema } from './phone-number';
import { describeValidationError } from './validation';

export const OUTCOMES = ['completed', 'no_answer', 'busy', 'failed'] as const;
export const outcomeSchema = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof outcomeSchema>;

const probability = z.number().min(0).max(1);
const milliseconds = z.int().min(0);
const weight = z.number().min(0).default(0);

const outcomeWeightsSchema = z
  .strictObject({ completed: weight, no_answer: weight, busy: weight, failed: weight })
  .refine((weights) => Object.values(weights).some((w) => w > 0), { error: 'at least one weight must be positive' });

const timingSchema = z.strictObject({ queuedMs: milliseconds, ringingMs: milliseconds, talkMs: milliseconds });

const delayRangeSchema = z
  .strictObject({ min: milliseconds, max: milliseconds })
  .refine((range) => range.min <= range.max, { error: 'min must not be greater than max' });

const statusCallbacksSchema = z.strictObject({
  lossRate: probability,
  duplicateRate: probability,
  delayMs: delayRangeSchema,
  enabled: z.boolean(),
});
export type StatusCallbackSettings = z.infer<typeof statusCallbacksSchema>;

const outcomeScriptSchema = z.union([outcomeSchema, z.array(outcomeSchema).min(1)], {
  error: `must be one of ${OUTCOMES.join(', ')} or a non-empty array of them`,
});

const createErrorSchema = z.union([z.literal('timeout'), z.int().min(400).max(599)], {
  error: 'must be an HTTP status from 400 to 599 or "timeout"',
});
export type CreateError = z.infer<typeof createErrorSchema>;

const createErrorScriptSchema = z.union([createErrorSchema, z.array(createErrorSchema).min(1)], {
  error: 'must be an HTTP status from 400 to 599, "timeout", or a non-empty array of them',
});

const lookupStepSchema = z.union([createErrorSchema, z.literal('answer')], {
  error: 'must be an HTTP status from 400 to 599, "timeout" or "answer"',
});
export type LookupStep = z.infer<typeof lookupStepSchema>;

const lookupScriptSchema = z.union([lookupStepSchema, z.array(lookupStepSchema).min(1)], {
  error: 'must be an HTTP status from 400 to 599, "timeout", "answer", or a non-empty array of them',
});

const behaviourShape = {
  latencyMs: milliseconds,
  failureRate: probability,
  timeoutRate: probability,
  timeoutMs: milliseconds,
  rateLimitRate: probability,
  lookupFailureRate: probability,
  failAfterAccept: z.boolean(),
  outcomes: outcomeWeightsSchema,
  outcomesByNumber: z.record(e164Schema, outcomeScriptSchema),
  createErrorsByNumber: z.record(e164Schema, createErrorScriptSchema),
  lookupErrorsByNumber: z.record(e164Schema, lookupScriptSchema),
  timing: timingSchema,
  statusCallbacks: statusCallbacksSchema,
};

const behaviourSchema = z.strictObject(behaviourShape);
export type Behaviour = z.infer<typeof behaviourSchema>;

const behaviourPatchSchema = z
  .strictObject({ ...behaviourShape, timing: timingSchema.partial(), statusCallbacks: statusCallbacksSchema.partial() })
  .partial();
/**
 * What callers may send: any subset of the fields. `timing` and `statusCallbacks` merge field by field
 * (`statusCallbacks.delayMs` is replaced whole); every other field, `outcomes` and the per-number maps
 * included, replaces the current value whole.
 */
export type BehaviourPatch = z.input<typeof behaviourPatchSchema>;

export const DEFAULT_BEHAVIOUR: Behaviour = behaviourSchema.parse({
  latencyMs: 50,
  failureRate: 0,
  timeoutRate: 0,
  timeoutMs: 30_000,
  rateLimitRate: 0,
  lookupFailureRate: 0,
  failAfterAccept: true,
  outcomes: { completed: 0.7, no_answer: 0.15, busy: 0.1, failed: 0.05 },
  outcomesByNumber: {},
  createErrorsByNumber: {},
  lookupErrorsByNumber: {},
  timing: { queuedMs: 500, ringingMs: 1500, talkMs: 2000 },
  statusCallbacks: { lossRate: 0, duplicateRate: 0, delayMs: { min: 0, max: 0 }, enabled: true },
});

export class InvalidBehaviourError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'InvalidBehaviourError';
  }
}

/** Validates `patch` and returns `current` with it applied; throws InvalidBehaviourError naming the bad field. */
export function applyBehaviourPatch(current: Behaviour, patch: unknown): Behaviour {
  const parsed = behaviourPatchSchema.safeParse(patch);
  if (!parsed.success) {
    const { field, message } = describeValidationError(parsed.error);
    throw new InvalidBehaviourError(message, field);
  }
  const { timing, statusCallbacks, ...rest } = withoutUndefined(parsed.data);
  return {
    ...current,
    ...rest,
    timing: { ...current.timing, ...withoutUndefined(timing ?? {}) },
    statusCallbacks: { ...current.statusCallbacks, ...withoutUndefined(statusCallbacks ?? {}) },
  };
}

/** Reads MOCK_PROVIDER_BEHAVIOUR: a JSON patch over the defaults, or nothing. */
export function behaviourFromEnv(raw: string | undefined): Behaviour {
  if (raw === undefined || raw.trim() === '') return DEFAULT_BEHAVIOUR;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new InvalidBehaviourError(`MOCK_PROVIDER_BEHAVIOUR is not valid JSON: ${(err as Error).message}`);
  }
  try {
    return applyBehaviourPatch(DEFAULT_BEHAVIOUR, json);
  } catch (err) {
    const { message, field } = err as InvalidBehaviourError;
    throw new InvalidBehaviourError(`MOCK_PROVIDER_BEHAVIOUR is invalid: ${message}`, field);
  }
}

/** Present-but-undefined keys would otherwise overwrite real values when spread. */
function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
