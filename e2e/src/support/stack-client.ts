import type { ProviderCallRecord } from '@call-scheduler/mock-provider';
import type { CallDetailDto, CallDto } from '@call-scheduler/shared';
import type { Stack } from './stack';

/**
 * A stack as a test drives and reads it over HTTP: the REST API, with the stack's operator key,
 * and the mock provider's record of what it dialed.
 */
export class StackClient {
  constructor(private readonly stack: Stack) {}

  async scheduleCall(phoneNumber: string, inMs: number): Promise<CallDto> {
    const response = await this.api('/api/calls', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phoneNumber, scheduledAt: new Date(Date.now() + inMs).toISOString() }),
    });
    return body<CallDto>(response, 201);
  }

  async startNow(callId: string): Promise<CallDto> {
    return body<CallDto>(await this.api(`/api/calls/${callId}/start-now`, { method: 'POST' }), 200);
  }

  async getCall(callId: string): Promise<CallDetailDto> {
    return body<CallDetailDto>(await this.api(`/api/calls/${callId}`), 200);
  }

  /** A request to the API with the stack's operator key. */
  api(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${this.stack.apiUrl}${path}`, { ...init, headers: { ...init.headers, authorization: `Bearer ${this.stack.operatorKey}` } });
  }

  /** Every call the provider was asked to place to these numbers. */
  async providerCallsTo(...phoneNumbers: string[]): Promise<ProviderCallRecord[]> {
    const { items } = await body<{ items: ProviderCallRecord[] }>(await fetch(`${this.stack.providerUrl}/calls`), 200);
    return items.filter((call) => phoneNumbers.includes(call.to));
  }
}

async function body<T>(response: Response, expectedStatus: number): Promise<T> {
  if (response.status !== expectedStatus) {
    throw new Error(`${response.url} answered ${response.status}, not ${expectedStatus}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}
