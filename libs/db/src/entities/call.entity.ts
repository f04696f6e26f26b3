import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CallingWindow, CallStatus, DialHold } from '@call-scheduler/shared';

/** The `calls` projection: each call's state after its latest recorded event. */
@Entity({ name: 'calls' })
@Index('calls_account_created_idx', ['accountId', 'createdAt', 'id'])
@Index('calls_account_status_created_idx', ['accountId', 'status', 'createdAt', 'id'])
export class CallEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'account_id' })
  accountId!: string;

  @Column('text', { name: 'phone_number' })
  phoneNumber!: string;

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('timestamptz', { name: 'scheduled_at' })
  scheduledAt!: Date;

  @Column('text')
  status!: CallStatus;

  @Column('int')
  attempt!: number;

  @Column('int', { name: 'max_attempts' })
  maxAttempts!: number;

  @Column('int', { name: 'retry_delay_seconds' })
  retryDelaySeconds!: number;

  @Column('timestamptz', { name: 'next_attempt_at', nullable: true })
  nextAttemptAt!: Date | null;

  @Column('text', { name: 'external_call_id', nullable: true })
  externalCallId!: string | null;

  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;

  @Column('jsonb', { name: 'dial_hold', nullable: true })
  dialHold!: DialHold | null;

  @Column('jsonb', { name: 'calling_window', nullable: true })
  window!: CallingWindow | null;

  @Column('timestamptz', { name: 'latest_at', nullable: true })
  latestAt!: Date | null;

  @Column('timestamptz', { name: 'window_opens_at', nullable: true })
  windowOpensAt!: Date | null;

  @Column('boolean', { name: 'window_overridden' })
  windowOverridden!: boolean;

  @Column('uuid', { name: 'schedule_id', nullable: true })
  scheduleId!: string | null;

  @Column('uuid', { name: 'batch_id', nullable: true })
  batchId!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  @Column('int')
  version!: number;
}
