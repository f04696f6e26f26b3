import { InvalidCallInputError } from '../calls/call.errors';

/** Why a new call to a number on the account's list is not made. */
export function onDoNotCallList(): InvalidCallInputError {
  return new InvalidCallInputError('phoneNumber', "is on the account's do-not-call list");
}

export class NotOnDoNotCallListError extends Error {
  constructor(readonly phoneNumber: string) {
    super(`${phoneNumber} is not on the account's do-not-call list`);
  }
}
