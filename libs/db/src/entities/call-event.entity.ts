import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CallEventType } from '@call-scheduler/shared';

/** Append-only log of each call's domain events; (call_id, seq) makes a repeated write harmless. */
@Entity({ name: 'call_events' })
export class CallEventEntity {
  @PrimaryColumn('uuid', { name: 'call_id' })
  callId!: string;

  @PrimaryColumn('int')
  seq!: number;

  @Column('text')
  type!: CallEventType;

  @Column('jsonb')
  data!: Record<string, unknown>;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt!: Date;

  @Column('timestamptz', { name: 'recorded_at', default: () => 'now()' })
  recordedAt!: Date;
}
