import type { ProviderStatusReport } from '@call-scheduler/shared/workflow';
import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { CallWorkflows } from '../calls/call-workflows';
import { InvalidCallInputError } from '../calls/call.errors';
import { API_CONFIG, type ApiConfig } from '../config/api.config';
import { checkRow } from '../errors/row-validation';
import { toApiError } from '../errors/validation';
import { ProviderStatusEventDto } from './dto/provider-status-event.dto';
import { signatureProblem, type SignedRequest } from './provider-event-signature';
import { UnsignedProviderEventError } from './provider-events.errors';

/** Takes the provider's signed status callbacks and passes each to its call's workflow, which decides what it means. */
@Injectable()
export class ProviderEventsService {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(CallWorkflows) private readonly workflows: CallWorkflows,
  ) {}

  async receive(callId: string, request: SignedRequest): Promise<void> {
    const { providerWebhookSecret: secret, providerWebhookToleranceSeconds: tolerance } = this.config;
    if (!secret) throw new UnsignedProviderEventError('this API has no PROVIDER_WEBHOOK_SECRET to check it with');
    const problem = signatureProblem(request, secret, tolerance, Date.now());
    if (problem) throw new UnsignedProviderEventError(problem);
    await this.workflows.reportProviderStatus(callId, await readEvent(request.body));
  }
}

async function readEvent(body: Buffer): Promise<ProviderStatusReport> {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new InvalidCallInputError('body', 'is not JSON');
  }
  const event = await checkRow(ProviderStatusEventDto, json);
  if (!event.valid) throw new BadRequestException(toApiError(event.errors));
  const { id, status, sequence, occurredAt, durationSeconds } = event.value;
  return { externalCallId: id, status, sequence, occurredAt, durationSeconds: durationSeconds ?? null };
}
