import { CALL_STATUSES, type CallStatus, type ScheduleDto } from '@call-scheduler/shared';
import { ApiProperty } from '@nestjs/swagger';
import { CallingWindowResponse } from '../../calls/dto/call.response';

class ScheduleRunResponse {
  @ApiProperty({ format: 'date-time', description: 'When the run was due' }) scheduledAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When Temporal started it' }) startedAt!: string;
  @ApiProperty({ format: 'uuid', description: 'The call it made' }) callId!: string;
  @ApiProperty({ enum: CALL_STATUSES, nullable: true, description: "The call's status; null until its first event is written" }) callStatus!: CallStatus | null;
}

export class ScheduleResponse implements ScheduleDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ example: '+14155550123' }) phoneNumber!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '0 9 * * mon-fri' }) cron!: string | null;
  @ApiProperty({ type: Number, nullable: true }) intervalSeconds!: number | null;
  @ApiProperty({ example: 'America/Chicago' }) timeZone!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endAt!: string | null;
  @ApiProperty() maxAttempts!: number;
  @ApiProperty() retryDelaySeconds!: number;
  @ApiProperty({ type: CallingWindowResponse, nullable: true }) window!: CallingWindowResponse | null;
  @ApiProperty() paused!: boolean;
  @ApiProperty({ type: [String], description: 'The next run times, as Temporal plans them; none while paused' }) nextRunTimes!: string[];
  @ApiProperty({ type: [ScheduleRunResponse], description: 'The latest runs, newest first' }) recentRuns!: ScheduleRunResponse[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'uri', description: 'The schedule in the Temporal Web UI' }) temporalUiUrl!: string;
}
