import type { CallStreamStatus } from '../features/calls/api/call-stream';

/** Says, without being asked, when live updates have stopped because the API cannot be reached. */
export function ConnectionBanner({ status }: { status: CallStreamStatus }) {
  return (
    <div role="status" className={status === 'down' ? 'banner banner-down' : 'banner'}>
      {status === 'down' && 'The API is unreachable: live updates are paused. Reconnecting…'}
    </div>
  );
}
