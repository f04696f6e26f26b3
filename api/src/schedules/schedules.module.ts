import { Module } from '@nestjs/common';
import { ScheduleWorkflows } from './schedule-workflows';
import { SchedulesController } from './schedules.controller';
import { SchedulesService } from './schedules.service';

@Module({
  controllers: [SchedulesController],
  providers: [SchedulesService, ScheduleWorkflows],
})
export class SchedulesModule {}
