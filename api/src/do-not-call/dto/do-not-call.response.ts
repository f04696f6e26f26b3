import type { Actor, DoNotCallEntryDto, DoNotCallImportReport, DoNotCallImportRow, DoNotCallPage } from '@call-scheduler/shared';
import { ApiProperty } from '@nestjs/swagger';

export class DoNotCallEntryResponse implements DoNotCallEntryDto {
  @ApiProperty({ example: '+14155550123' }) phoneNumber!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ format: 'date-time' }) addedAt!: string;
  @ApiProperty({ type: Object, nullable: true, description: 'The user or API key that added it' }) addedBy!: Actor | null;
}

export class DoNotCallPageResponse implements DoNotCallPage {
  @ApiProperty({ type: [DoNotCallEntryResponse], description: 'In number order' }) items!: DoNotCallEntryResponse[];
  @ApiProperty({ description: 'Numbers on the list matching the search' }) total!: number;
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class DoNotCallImportReportResponse implements DoNotCallImportReport {
  @ApiProperty() added!: number;
  @ApiProperty({ description: 'Already on the list: kept as they were' }) alreadyListed!: number;
  @ApiProperty() rejected!: number;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: "One per row, in order: `{ row, status: 'added' | 'already listed', phoneNumber }` or `{ row, status: 'rejected', errors: [{ field, message }] }`",
  })
  rows!: DoNotCallImportRow[];
}
