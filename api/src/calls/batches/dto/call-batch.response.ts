import type { CallBatchDto, CallBatchReport, CallBatchRowResult } from '@call-scheduler/shared';
import { ApiProperty } from '@nestjs/swagger';

export class CallBatchReportResponse implements CallBatchReport {
  @ApiProperty({ format: 'uuid' }) batchId!: string;
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ description: 'Rows created' }) created!: number;
  @ApiProperty({ description: 'Rows a dry run found valid' }) valid!: number;
  @ApiProperty() rejected!: number;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: "One per row, in order: `{ row, clientRef, status: 'created', callId }`, `{ row, clientRef, status: 'valid' }` in a dry run, or `{ row, clientRef, status: 'rejected', errors: [{ field, message }] }`",
  })
  rows!: CallBatchRowResult[];
}

export class CallBatchResponse implements CallBatchDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'Calls created in it' }) calls!: number;
}
