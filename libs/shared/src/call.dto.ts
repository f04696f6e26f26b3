import type { CallEventType, DialHold } from './call-events';
import type { CallStatus } from './call-status';
import type { CallingWindow } from './calling-window/calling-window';

/** A call as the REST API serves it. */
export interface CallDto {
  id: string;
  /** The account that owns the call. */
  accountId: string;
  phoneNumber: string;
  scheduledAt: string;
  status: CallStatus;
  externalCallId: string | null;
  attempt: number;
  maxAttempts: number;
  retryDelaySeconds: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  /** Set while the call is due but its account's spend cap holds its dial back. */
  dialHold: DialHold | null;
  /** When the call may ring, on the callee's clock; null: at any hour. */
  window: CallingWindow | null;
  /** The call's deadline: not placed by then, it ends expired; null: none. */
  latestAt: string | null;
  /** Set while the next dial waits for the window to open, at this instant. */
  windowOpensAt: string | null;
  /** Set by a start-now that overrode the window, until its dial starts. */
  windowOverridden: boolean;
  /** The schedule whose run made the call; null for a call made on its own. */
  scheduleId: string | null;
  /** The batch (a bulk upload) the call was created in; null for a call made on its own. */
  batchId: string | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
  workflowId: string;
  temporalUiUrl: string;
  /** How many events the call has seen: of two copies of a call, the higher version is the newer. */
  version: number;
}

export interface CallEventDto {
  seq: number;
  type: CallEventType;
  data: Record<string, unknown>;
  occurredAt: string;
}

export interface CallDetailDto extends CallDto {
  events: CallEventDto[];
}

export interface CallPageDto {
  items: CallDto[];
  nextCursor: string | null;
}

export interface CreateCallRequest {
  phoneNumber: string;
  scheduledAt?: string;
  note?: string;
  maxAttempts?: number;
  retryDelaySeconds?: number;
  /** Fields over the account's default window; null: ring at any hour. */
  window?: Partial<CallingWindow> | null;
  latestAt?: string;
}

export interface StartNowRequest {
  overrideWindow?: boolean;
}

export interface RescheduleCallRequest {
  scheduledAt: string;
}

/** Every 4xx/5xx body: `errors` names each offending field when the problem is in the input. */
export interface ApiErrorDto {
  statusCode: number;
  error: string;
  message: string;
  errors?: { field: string; message: string }[];
}

export const CALL_PAGE_LIMIT = { default: 50, max: 200 } as const;
