import { OUTCOMES, type Behaviour, type BehaviourPatch, type CreateError, type LookupStep, type Outcome } from './behaviour';
import { planLifecycle, type CallLifecycle } from './call-lifecycle';

/** What a `POST /calls` or a `GET /calls/:id` suffers instead of a plain success. */
export type InjectedFault = { kind: 'status'; status: number } | { kind: 'timeout' };

/**
 * Decides, per POST and per new call, what the provider does: scripted sequences per number first,
 * then dice thrown with the injected random function.
 */
export class CallScript {
  private readonly postsByNumber = new Map<string, number>();
  private readonly newCallsByNumber = new Map<string, number>();
  private readonly lookupsByNumber = new Map<string, number>();

  constructor(private readonly random: () => number) {}

  /** Consumes one step of the number's createErrorsByNumber script, else rolls against the rates. */
  faultFor(behaviour: Behaviour, to: string): InjectedFault | undefined {
    const script = behaviour.createErrorsByNumber[to];
    if (script !== undefined) {
      const step = takeStep(this.postsByNumber, to);
      const scripted = asArray(script)[step];
      if (scripted !== undefined) return toFault(scripted);
    }
    return this.rollFault(behaviour);
  }

  /** Consumes one step of the number's lookupErrorsByNumber script, else rolls against lookupFailureRate (503). */
  lookupFaultFor(behaviour: Behaviour, to: string): InjectedFault | undefined {
    const script = behaviour.lookupErrorsByNumber[to];
    if (script !== undefined) {
      const scripted: LookupStep | undefined = asArray(script)[takeStep(this.lookupsByNumber, to)];
      if (scripted !== undefined) return scripted === 'answer' ? undefined : toFault(scripted);
    }
    if (behaviour.lookupFailureRate > 0 && this.random() < behaviour.lookupFailureRate) return { kind: 'status', status: 503 };
    return undefined;
  }

  /** Chooses the outcome of a new call: the number's outcomesByNumber script (last step repeating), else the weighted mix. */
  lifecycleFor(behaviour: Behaviour, to: string): CallLifecycle {
    const outcome = this.outcomeFor(behaviour, to);
    const failurePoint = outcome === 'failed' && this.random() >= 0.5 ? 'ringing' : 'queued';
    return planLifecycle(outcome, behaviour.timing, failurePoint);
  }

  /** A newly set script starts from its first step. */
  restartScriptsIn(patch: BehaviourPatch): void {
    if (patch.createErrorsByNumber !== undefined) this.postsByNumber.clear();
    if (patch.outcomesByNumber !== undefined) this.newCallsByNumber.clear();
    if (patch.lookupErrorsByNumber !== undefined) this.lookupsByNumber.clear();
  }

  restart(): void {
    this.postsByNumber.clear();
    this.newCallsByNumber.clear();
    this.lookupsByNumber.clear();
  }

  /** One draw per POST, split into bands: rate limit, then failure, then timeout. */
  private rollFault(behaviour: Behaviour): InjectedFault | undefined {
    const { rateLimitRate, failureRate, timeoutRate } = behaviour;
    if (rateLimitRate + failureRate + timeoutRate === 0) return undefined;
    const draw = this.random();
    if (draw < rateLimitRate) return { kind: 'status', status: 429 };
    if (draw < rateLimitRate + failureRate) return { kind: 'status', status: 503 };
    if (draw < rateLimitRate + failureRate + timeoutRate) return { kind: 'timeout' };
    return undefined;
  }

  private outcomeFor(behaviour: Behaviour, to: string): Outcome {
    const script = behaviour.outcomesByNumber[to];
    if (script === undefined) return this.rollOutcome(behaviour.outcomes);
    const steps = asArray(script);
    const step = Math.min(takeStep(this.newCallsByNumber, to), steps.length - 1);
    return steps[step] ?? this.rollOutcome(behaviour.outcomes);
  }

  private rollOutcome(weights: Behaviour['outcomes']): Outcome {
    const total = OUTCOMES.reduce((sum, outcome) => sum + weights[outcome], 0);
    let remaining = this.random() * total;
    const weighted = OUTCOMES.filter((outcome) => weights[outcome] > 0);
    for (const outcome of weighted) {
      remaining -= weights[outcome];
      if (remaining < 0) return outcome;
    }
    // Only reachable when an injected random returns 1.
    return weighted[weighted.length - 1] ?? 'completed';
  }
}

function takeStep(counters: Map<string, number>, key: string): number {
  const step = counters.get(key) ?? 0;
  counters.set(key, step + 1);
  return step;
}

function asArray<T>(value: T | T[]): T[] {
  return Array.isArray(value) ? value : [value];
}

function toFault(error: CreateError): InjectedFault {
  return error === 'timeout' ? { kind: 'timeout' } : { kind: 'status', status: error };
}
