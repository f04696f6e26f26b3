import type { CallDetailDto, CallDto, CallState, RecordedCallEvent } from '@call-scheduler/shared';
import { workflowIdForCall } from '@call-scheduler/shared/workflow';
import { Inject, Injectable } from '@nestjs/common';
import { API_CONFIG, type ApiConfig } from '../config/api.config';

/** Turns call state into the API's JSON, with the workflow's id and its Temporal Web UI link. */
@Injectable()
export class CallPresenter {
  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  call(state: CallState): CallDto {
    const workflowId = workflowIdForCall(state.id);
    return { ...state, workflowId, temporalUiUrl: this.temporalUiUrl(workflowId) };
  }

  detail(state: CallState, events: RecordedCallEvent[]): CallDetailDto {
    return {
      ...this.call(state),
      events: events.map(({ seq, type, data, occurredAt }) => ({ seq, type, data, occurredAt })),
    };
  }

  private temporalUiUrl(workflowId: string): string {
    const { temporalUiUrl, temporal } = this.config;
    return `${temporalUiUrl}/namespaces/${encodeURIComponent(temporal.namespace)}/workflows/${encodeURIComponent(workflowId)}`;
  }
}
