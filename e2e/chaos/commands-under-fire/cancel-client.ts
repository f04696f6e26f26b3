import { setTimeout as sleep } from 'node:timers/promises';

/** A cancel the API has not answered by then is taken as lost on the way. */
const REQUEST_TIMEOUT_MS = 20_000;
/** How long a client keeps sending one cancel again while it gets no answer or a 503. */
const GIVE_UP_AFTER_MS = 60_000;
const RETRY_MS = 500;

/** How one cancel went: every try's answer (a status, or `network`), and when it was first sent. */
export interface CancelOutcome {
  callId: string;
  sentAt: number;
  answers: (number | 'network')[];
}

/**
 * A client that cancels calls through two APIs in turn, sending a cancel again to the other API while it gets no
 * answer or a 503 (the API could not confirm the command): a cancel already taken is then refused with a 409.
 */
export class CancelClient {
  constructor(
    private readonly apiUrls: readonly string[],
    private readonly apiKey: string,
  ) {}

  async cancel(callId: string, firstApi: number): Promise<CancelOutcome> {
    const sentAt = Date.now();
    const answers: CancelOutcome['answers'] = [];
    for (let tries = 0; ; tries++) {
      const answer = await this.send(callId, (firstApi + tries) % this.apiUrls.length);
      answers.push(answer);
      if ((answer !== 'network' && answer !== 503) || Date.now() - sentAt > GIVE_UP_AFTER_MS) return { callId, sentAt, answers };
      await sleep(RETRY_MS);
    }
  }

  private async send(callId: string, api: number): Promise<number | 'network'> {
    try {
      const response = await fetch(`${this.apiUrls[api]}/api/calls/${callId}/cancel`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.apiKey}` },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      await response.body?.cancel();
      return response.status;
    } catch {
      return 'network';
    }
  }
}
