import {
  CALL_EVENT_TYPES,
  CALL_STATUSES,
  WEEKDAYS,
  type CallDetailDto,
  type CallDto,
  type CallEventDto,
  type CallEventType,
  type CallPageDto,
  type CallStatus,
  type CallingWindow,
  type DialHold,
  type Weekday,
} from '@call-scheduler/shared';
import { ApiProperty } from '@nestjs/swagger';

export class DialHoldResponse implements DialHold {
  @ApiProperty({ enum: ['hourly', 'daily', 'concurrent'], description: 'Which of the account\'s limits has no room' }) limit!: DialHold['limit'];
  @ApiProperty({ example: "The account's limit of 20 calls in progress at once is reached" }) reason!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When room is expected; null when it waits for calls in progress to end' })
  retryAt!: string | null;
}

export class CallingWindowResponse implements CallingWindow {
  @ApiProperty({ example: 'America/Chicago' }) timeZone!: string;
  @ApiProperty({ enum: WEEKDAYS, isArray: true }) days!: Weekday[];
  @ApiProperty({ example: '08:00' }) from!: string;
  @ApiProperty({ example: '21:00' }) to!: string;
}

/** OpenAPI descriptions of the shared response shapes. */
export class CallResponse implements CallDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The account that owns the call' }) accountId!: string;
  @ApiProperty({ example: '+14155550123' }) phoneNumber!: string;
  @ApiProperty({ format: 'date-time' }) scheduledAt!: string;
  @ApiProperty({ enum: CALL_STATUSES }) status!: CallStatus;
  @ApiProperty({ type: String, nullable: true, description: "The provider's id of the current dial attempt" }) externalCallId!: string | null;
  @ApiProperty({ description: 'Dial attempts started so far' }) attempt!: number;
  @ApiProperty() maxAttempts!: number;
  @ApiProperty() retryDelaySeconds!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the next attempt dials, after no answer or busy' }) nextAttemptAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: DialHoldResponse, nullable: true, description: "Set while the call is due but its account's spend cap holds its dial back" })
  dialHold!: DialHoldResponse | null;
  @ApiProperty({ type: CallingWindowResponse, nullable: true, description: "When the call may ring, on the callee's clock; null: any hour" })
  window!: CallingWindowResponse | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The deadline: not placed by then, the call ends expired' }) latestAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Set while the next dial waits for the calling window to open, at this instant' })
  windowOpensAt!: string | null;
  @ApiProperty({ description: 'Set by a start-now that overrode the calling window, until its dial starts' }) windowOverridden!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The schedule whose run made the call; null for a call made on its own' })
  scheduleId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The batch (POST /api/calls/batch) the call was created in; null for a call made on its own' })
  batchId!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ example: 'call-4f0c...' }) workflowId!: string;
  @ApiProperty({ format: 'uri', description: "The call's workflow in the Temporal Web UI" }) temporalUiUrl!: string;
  @ApiProperty({ description: 'Events applied so far: of two copies of a call, the higher version is the newer' }) version!: number;
}

export class CallEventResponse implements CallEventDto {
  @ApiProperty() seq!: number;
  @ApiProperty({ enum: CALL_EVENT_TYPES }) type!: CallEventType;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
}

export class CallDetailResponse extends CallResponse implements CallDetailDto {
  @ApiProperty({ type: [CallEventResponse] }) events!: CallEventResponse[];
}

export class CallPageResponse implements CallPageDto {
  @ApiProperty({ type: [CallResponse] }) items!: CallResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
