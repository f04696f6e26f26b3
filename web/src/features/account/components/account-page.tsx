import { ApiKeysSection } from './api-keys-section';
import { DialLimitsSection } from './dial-limits-form';
import { UsersSection } from './users-section';

/** What an admin manages: the spend cap, who signs in, and the keys programs use. */
export function AccountPage() {
  return (
    <div className="account-page">
      <DialLimitsSection />
      <UsersSection />
      <ApiKeysSection />
    </div>
  );
}
