import { Module } from '@nestjs/common';
import { DoNotCallModule } from '../do-not-call/do-not-call.module';
import { CallBatchesController } from './batches/call-batches.controller';
import { CallBatchesService } from './batches/call-batches.service';
import { CallPresenter } from './call.presenter';
import { CallOverviewController } from './overview/call-overview.controller';
import { CallProjection } from './call-projection';
import { CallWorkflows } from './call-workflows';
import { CallsController } from './calls.controller';
import { CallsService } from './calls.service';
import { CallChangeListener } from './stream/call-change-listener';
import { CallFeed } from './stream/call-feed';
import { CallStreamController } from './stream/call-stream.controller';

@Module({
  imports: [DoNotCallModule],
  // Routes are matched in the order controllers are listed: `GET calls/stream`, `calls/batches`, `calls/overview` and
  // `calls/export` have to come before `GET calls/:id`, which would take them for an id.
  controllers: [CallStreamController, CallBatchesController, CallOverviewController, CallsController],
  providers: [CallsService, CallBatchesService, CallWorkflows, CallProjection, CallPresenter, CallChangeListener, CallFeed],
  exports: [CallWorkflows],
})
export class CallsModule {}
