import type { ApiErrorDto } from '@call-scheduler/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class FieldErrorResponse {
  @ApiProperty({ example: 'phoneNumber' }) field!: string;
  @ApiProperty({ example: 'phoneNumber must start with + and the country code, e.g. +14155550123' }) message!: string;
}

export class ApiErrorResponse implements ApiErrorDto {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request' }) error!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ type: [FieldErrorResponse] }) errors?: FieldErrorResponse[];
  @ApiPropertyOptional({ description: 'After a create that may have made its call: the Idempotency-Key that returns it, sent again' })
  idempotencyKey?: string;
}
