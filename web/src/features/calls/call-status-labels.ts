import type { CallStatus } from '@call-scheduler/shared';

export const CALL_STATUS_LABELS: Record<CallStatus, string> = {
  scheduled: 'Scheduled',
  dialing: 'Dialing',
  ringing: 'Ringing',
  in_progress: 'In progress',
  completed: 'Completed',
  no_answer: 'No answer',
  busy: 'Busy',
  failed: 'Failed',
  cancelled: 'Cancelled',
  expired: 'Expired',
  blocked: 'Blocked',
};
