/** What can go wrong managing an account, independent of HTTP; the exception filter maps each to a status. */
export class ApiKeyNotFoundError extends Error {
  constructor(readonly keyId: string) {
    super(`No API key with id ${keyId}`);
  }
}

export class AccountNotFoundError extends Error {
  constructor(accountId: string) {
    super(`No account with id ${accountId}`);
  }
}

export class UserNotFoundError extends Error {
  constructor(email: string) {
    super(`No user with the email ${email}`);
  }
}
