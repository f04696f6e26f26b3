import { ApiKeysSection } from './api-keys-section';
import { DefaultWindowSection } from './default-window-form';
import { DialLimitsSection } from './dial-limits-form';
import { UsersSection } from './users-section';

/** What an admin manages: the spend cap, the calling hours, who signs in, and the keys programs use. */
export function AccountPage() {
  return (
    <div className="account-page">
      <DialLimitsSection />
      <DefaultWindowSection />
      <UsersSection />
      <ApiKeysSection />
    </div>
  );
}
