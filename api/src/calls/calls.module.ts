import { Module } from '@nestjs/common';
import { CallPresenter } from './call.presenter';
import { CallWorkflows } from './call-workflows';
import { CallsController } from './calls.controller';
import { CallsService } from './calls.service';

@Module({
  controllers: [CallsController],
  providers: [CallsService, CallWorkflows, CallPresenter],
})
export class CallsModule {}
