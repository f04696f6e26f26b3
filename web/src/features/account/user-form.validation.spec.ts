import type { CreateUserRequest } from '@call-scheduler/shared';
import { checkUserForm } from './user-form.validation';

const values = (overrides: Partial<CreateUserRequest> = {}): CreateUserRequest => ({
  email: ' grace@example.com ',
  name: ' Grace Hopper ',
  role: 'viewer',
  password: 'twelve chars',
  ...overrides,
});

describe('checkUserForm', () => {
  it('builds the request, trimmed, keeping the password as typed', () => {
    expect(checkUserForm(values({ password: ' twelve char ' }))).toEqual({
      request: { email: 'grace@example.com', name: 'Grace Hopper', role: 'viewer', password: ' twelve char ' },
    });
  });

  it('reports every problem at once', () => {
    expect(checkUserForm(values({ email: 'grace', name: '  ', password: 'eleven char' }))).toEqual({
      errors: {
        email: 'Enter an email address, like ada@example.com.',
        name: 'Enter the person’s name.',
        password: 'Use at least 12 characters.',
      },
    });
  });
});
