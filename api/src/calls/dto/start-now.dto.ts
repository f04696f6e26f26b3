import type { StartNowRequest } from '@call-scheduler/shared';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';

export class StartNowDto implements StartNowRequest {
  @ApiPropertyOptional({
    default: false,
    description: "Dial now even while the call's calling window is closed; the call's timeline records it. Without it, a call outside its window waits for the window to open.",
  })
  @IsOptional()
  @IsBoolean()
  overrideWindow?: boolean;
}
