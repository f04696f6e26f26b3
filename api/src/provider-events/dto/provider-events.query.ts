import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ProviderEventsQuery {
  @ApiProperty({ format: 'uuid', description: 'The call the callback is about, as the worker wrote it into the callback URL' })
  @IsUUID()
  callId!: string;
}
