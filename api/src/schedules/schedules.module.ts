import { Module } from '@nestjs/common';
import { DoNotCallModule } from '../do-not-call/do-not-call.module';
import { ScheduleWorkflows } from './schedule-workflows';
import { SchedulesController } from './schedules.controller';
import { SchedulesService } from './schedules.service';

@Module({
  imports: [DoNotCallModule],
  controllers: [SchedulesController],
  providers: [SchedulesService, ScheduleWorkflows],
})
export class SchedulesModule {}
