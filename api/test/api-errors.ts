import { STATUS_CODES } from 'node:http';
import type { Response } from 'supertest';

/** The API's one error shape, naming the offending field both in the message and in `errors`. */
export function expectFieldError(response: Response, status: number, field: string): void {
  expect({ status: response.status, body: response.body as unknown }).toEqual({
    status,
    body: {
      statusCode: status,
      error: STATUS_CODES[status],
      message: expect.stringContaining(field),
      errors: expect.arrayContaining([{ field, message: expect.stringContaining(field) }]),
    },
  });
  expect(response.headers['content-type']).toMatch(/^application\/json/);
}

/** As expectFieldError, for one of the statuses, saying which route answered what. */
export function expectRefusal(response: Response, { route, statuses, field }: { route: string; statuses: readonly number[]; field: string }): void {
  const status = response.status;
  expect({ route, status, body: response.body as unknown }).toEqual({
    route,
    status: statuses.includes(status) ? status : statuses.join(' or '),
    body: {
      statusCode: status,
      error: STATUS_CODES[status],
      message: expect.stringContaining(field),
      errors: expect.arrayContaining([{ field, message: expect.stringContaining(field) }]),
    },
  });
}
