import { CALL_STATUSES, type CallOverviewDto, type CallStatus } from '@call-scheduler/shared';
import { ApiProperty } from '@nestjs/swagger';

class DialsInMinute {
  @ApiProperty({ format: 'date-time', description: "The minute's start" }) minute!: string;
  @ApiProperty() dials!: number;
}

class DueInHour {
  @ApiProperty({ format: 'date-time', description: "The hour's start" }) hour!: string;
  @ApiProperty() calls!: number;
}

export class CallOverviewResponse implements CallOverviewDto {
  @ApiProperty({ type: 'object', properties: Object.fromEntries(CALL_STATUSES.map((status) => [status, { type: 'integer' }])), description: 'Calls in each status now' })
  byStatus!: Record<CallStatus, number>;
  @ApiProperty({ type: [DialsInMinute], description: 'The last 60 minutes, oldest first' }) dialsPerMinute!: DialsInMinute[];
  @ApiProperty({ type: [DueInHour], description: 'The next 24 hours, soonest first' }) duePerHour!: DueInHour[];
  @ApiProperty({ description: 'Pending calls already due: held by the spend cap, or about to be dialled' }) overdue!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
}
