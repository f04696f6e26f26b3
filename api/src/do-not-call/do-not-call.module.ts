import { Module } from '@nestjs/common';
import { DoNotCallController } from './do-not-call.controller';
import { DoNotCallService } from './do-not-call.service';

@Module({
  controllers: [DoNotCallController],
  providers: [DoNotCallService],
  exports: [DoNotCallService],
})
export class DoNotCallModule {}
