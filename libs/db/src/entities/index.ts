import { CallEventEntity } from './call-event.entity';
import { CallEntity } from './call.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

export { CallEntity, CallEventEntity, IdempotencyKeyEntity };
export const ENTITIES = [CallEntity, CallEventEntity, IdempotencyKeyEntity];
