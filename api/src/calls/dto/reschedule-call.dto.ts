import { ApiProperty } from '@nestjs/swagger';
import { IsDefined } from 'class-validator';
import { SCHEDULED_AT_FORMAT } from '../scheduled-at';
import { IsSchedulableTime } from './call-input.validators';

export class RescheduleCallDto {
  @ApiProperty({ format: 'date-time', example: '2030-01-31T09:30:00Z', description: `The new time: ${SCHEDULED_AT_FORMAT}` })
  @IsDefined()
  @IsSchedulableTime()
  scheduledAt!: string;
}
