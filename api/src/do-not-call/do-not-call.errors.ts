export class NotOnDoNotCallListError extends Error {
  constructor(readonly phoneNumber: string) {
    super(`${phoneNumber} is not on the account's do-not-call list`);
  }
}
