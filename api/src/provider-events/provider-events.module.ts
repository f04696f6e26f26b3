import { Module } from '@nestjs/common';
import { CallsModule } from '../calls/calls.module';
import { ProviderEventsController } from './provider-events.controller';
import { ProviderEventsService } from './provider-events.service';

@Module({
  imports: [CallsModule],
  controllers: [ProviderEventsController],
  providers: [ProviderEventsService],
})
export class ProviderEventsModule {}
