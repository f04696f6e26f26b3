import type { CallStatus } from '@call-scheduler/shared';
import { CALL_STATUS_LABELS } from '../call-status-labels';

/** The status in words, coloured by its meaning; the words carry it on their own for those who cannot see colour. */
export function StatusBadge({ status }: { status: CallStatus }) {
  return <span className={`badge badge-${status.replaceAll('_', '-')}`}>{CALL_STATUS_LABELS[status]}</span>;
}
