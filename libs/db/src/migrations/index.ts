import { CreateCallProjections1764000000000 } from './1764000000000-create-call-projections';
import { NotifyCallChanges1765000000000 } from './1765000000000-notify-call-changes';
import { CreateAccounts1766000000000 } from './1766000000000-create-accounts';
import { CreateDialReservations1766000000001 } from './1766000000001-create-dial-reservations';
import { CreateHeldDials1767000000000 } from './1767000000000-create-held-dials';
import { AddCallingWindows1768000000000 } from './1768000000000-add-calling-windows';
import { CreateSchedules1769000000000 } from './1769000000000-create-schedules';
import { CreateDoNotCall1770000000000 } from './1770000000000-create-do-not-call';
import { CreateCallBatches1771000000000 } from './1771000000000-create-call-batches';
import { IndexDialEvents1772000000000 } from './1772000000000-index-dial-events';

/** Every migration, oldest first; add new ones at the end. */
export const MIGRATIONS = [
  CreateCallProjections1764000000000,
  NotifyCallChanges1765000000000,
  CreateAccounts1766000000000,
  CreateDialReservations1766000000001,
  CreateHeldDials1767000000000,
  AddCallingWindows1768000000000,
  CreateSchedules1769000000000,
  CreateDoNotCall1770000000000,
  CreateCallBatches1771000000000,
  IndexDialEvents1772000000000,
];
