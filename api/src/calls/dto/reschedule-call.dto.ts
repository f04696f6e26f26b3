import { ApiProperty } from '@nestjs/swagger';
import { IsDefined } from 'class-validator';
import { IsSchedulableTime } from './call-input.validators';

export class RescheduleCallDto {
  @ApiProperty({ example: '2030-01-31T09:30:00Z', description: 'The new time: ISO 8601 with an offset or Z' })
  @IsDefined()
  @IsSchedulableTime()
  scheduledAt!: string;
}
