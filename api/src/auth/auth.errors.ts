/** What can go wrong signing in, independent of HTTP; the exception filter maps each to a status. */
export class NotSignedInError extends Error {
  constructor(message = 'Sign in, or send an API key as "Authorization: Bearer csk_…"') {
    super(message);
  }
}

export class WrongCredentialsError extends Error {
  constructor() {
    super('Wrong email or password');
  }
}

export class TooManySignInAttemptsError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many sign-in attempts; try again in ${retryAfterSeconds} s`);
  }
}

export class ForbiddenForRoleError extends Error {}

export class CrossSiteRequestError extends Error {
  constructor() {
    super('Cross-site request refused: a request made with the session cookie must come from the web app\'s own origin');
  }
}
