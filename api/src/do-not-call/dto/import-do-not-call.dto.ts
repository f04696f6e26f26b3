import { DO_NOT_CALL_LIMITS } from '@call-scheduler/shared';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';
import { AddDoNotCallDto } from './add-do-not-call.dto';

/** Rows are checked one by one in the service, so that a bad row is reported and the others still added. */
export class ImportDoNotCallDto {
  @ApiProperty({ type: [AddDoNotCallDto], maxItems: DO_NOT_CALL_LIMITS.importMaxEntries, description: 'Each row is checked on its own; rows in error are reported, not added' })
  @ArrayMaxSize(DO_NOT_CALL_LIMITS.importMaxEntries)
  @ArrayMinSize(1)
  @IsArray()
  entries!: unknown[];
}
