import type { NewCall } from '@call-scheduler/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An account's Idempotency-Key, the fingerprint of the request it came with, and the call it created, as created. */
@Entity({ name: 'idempotency_keys' })
export class IdempotencyKeyEntity {
  @PrimaryColumn('uuid', { name: 'account_id' })
  accountId!: string;

  @PrimaryColumn('text')
  key!: string;

  @Column('text', { name: 'request_hash' })
  requestHash!: string;

  @Column('jsonb')
  call!: NewCall;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}
