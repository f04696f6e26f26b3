import type { CallDto } from '@call-scheduler/shared';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PlannedCall } from './soak-plan';

/** A create the API has not answered by then is taken as lost on the way, like a dropped connection. */
const REQUEST_TIMEOUT_MS = 20_000;
/** How long a client keeps retrying one create before it gives up on it. */
const GIVE_UP_AFTER_MS = 90_000;
const FIRST_RETRY_MS = 200;
const LONGEST_RETRY_MS = 2_000;

/** An API's answer to one try: its status, or `network` when none came (refused, reset, timed out). */
type Answer = { status: number; idempotencyKey: string | null; body: unknown } | { status: 'network'; error: string };

/** How one planned create went, over all its tries. */
export interface CreateOutcome {
  index: number;
  idempotencyKey: string;
  /** The call the API answered 201 with; null if no try got a 201. */
  call: Pick<CallDto, 'id' | 'scheduledAt'> | null;
  /** Every try's answer, in order: 201, 503, network… */
  answers: (number | 'network')[];
  /** What ended a create that made no call: every answer, and the last one's body. */
  refusal?: string;
}

/**
 * A client that creates calls through two APIs, as a load balancer would spread them, each under an
 * Idempotency-Key of its own. A try that gets no answer or a 503 is sent again, with the same body and the
 * key the 503 names, to the other API: the API promises that this returns the call if the first try made
 * it, and makes it if not.
 */
export class CallCreator {
  private readonly inFlight: number[];

  constructor(
    private readonly apiUrls: readonly string[],
    private readonly apiKey: string,
  ) {
    this.inFlight = apiUrls.map(() => 0);
  }

  /** Sends the create, due `aheadMs` after it is sent, or at `scheduledAt` when given (the same body for every copy of a create). */
  async create(call: PlannedCall, scheduledAt = new Date(Date.now() + call.aheadMs).toISOString()): Promise<CreateOutcome> {
    const body = JSON.stringify({ phoneNumber: call.phoneNumber, scheduledAt });
    const giveUpAt = Date.now() + GIVE_UP_AFTER_MS;
    const answers: CreateOutcome['answers'] = [];
    let idempotencyKey = call.idempotencyKey;
    for (let tries = 0; ; tries++) {
      const answer = await this.send((call.api + tries) % this.apiUrls.length, body, idempotencyKey);
      answers.push(answer.status);
      if (answer.status === 201) return { index: call.index, idempotencyKey, call: answer.body as CallDto, answers };
      const retryable = answer.status === 'network' || answer.status === 503;
      if (!retryable || Date.now() > giveUpAt) return { index: call.index, idempotencyKey, call: null, answers, refusal: `${answers.join(', then ')}: ${describe(answer)}` };
      if (answer.status === 503) idempotencyKey = answer.idempotencyKey ?? idempotencyKey;
      await sleep(Math.min(FIRST_RETRY_MS * 2 ** tries, LONGEST_RETRY_MS));
    }
  }

  /** Resolves as soon as a create is on its way to the API (sent, not yet answered); how many are. */
  async createUnderWay(api: number): Promise<number> {
    while (this.inFlight[api] === 0) await sleep(1);
    return this.inFlight[api]!;
  }

  private async send(api: number, body: string, idempotencyKey: string): Promise<Answer> {
    this.inFlight[api]!++;
    try {
      const response = await fetch(`${this.apiUrls[api]}/api/calls`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.apiKey}`, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
        body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      return { status: response.status, idempotencyKey: response.headers.get('idempotency-key'), body: await response.json() };
    } catch (error) {
      return { status: 'network', error: error instanceof Error ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}` : String(error) };
    } finally {
      this.inFlight[api]!--;
    }
  }
}

function describe(answer: Answer): string {
  return answer.status === 'network' ? answer.error : JSON.stringify(answer.body);
}
