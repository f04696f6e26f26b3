import { ROLES, type Role } from '@call-scheduler/shared';
import { useId, type ChangeEvent, type Ref } from 'react';
import { ROLE_LABELS } from '../../../lib/role-labels';
import { ROLE_DESCRIPTIONS } from '../role-descriptions';

export interface RoleFieldProps {
  value: string;
  onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
  ref?: Ref<HTMLSelectElement>;
}

/** The role to give, with what it allows said under it. */
export function RoleField({ value, onChange, ref }: RoleFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Role</label>
      <select id={id} ref={ref} value={value} onChange={onChange} aria-describedby={`${id}-hint`}>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="hint">
        {ROLE_DESCRIPTIONS[value as Role]}
      </p>
    </div>
  );
}
