import { useId } from 'react';
import { QueryState } from '../../../components/query-state';
import { formatDateTime } from '../../../lib/date-time';
import { ROLE_LABELS } from '../../../lib/role-labels';
import { useTimeZone } from '../../../lib/time-zone';
import { useUsers } from '../api/get-users';
import { UserForm } from './user-form';

/** Who may sign in to the account, and a form to add someone. */
export function UsersSection() {
  const users = useUsers();
  const timeZone = useTimeZone();
  const titleId = useId();
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>Users</h2>
      <QueryState query={users} what="the users" />
      {users.data && (
        <div className="table-scroll">
          <table aria-labelledby={titleId}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Added</th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((user) => (
                <tr key={user.id}>
                  <th scope="row">{user.name}</th>
                  <td>{user.email}</td>
                  <td>{ROLE_LABELS[user.role]}</td>
                  <td>{formatDateTime(user.createdAt, timeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <UserForm />
    </section>
  );
}
