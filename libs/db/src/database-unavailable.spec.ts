import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';

function pgError(code: string, message = 'error'): Error {
  return Object.assign(new Error(message), { code });
}

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' })],
    ['a server shutting down (57P01)', pgError('57P01', 'terminating connection due to administrator command')],
    ['a server starting up (57P03)', pgError('57P03', 'the database system is starting up')],
    ['a connection failure (08006)', pgError('08006')],
    ['a database closed to connections (55000)', pgError('55000', 'database "calls" is not currently accepting connections')],
    ['a connection node-postgres lost', new Error('Connection terminated unexpectedly')],
    ['a socket error passed on by its message only', new Error('connect ECONNREFUSED 127.0.0.1:5433')],
    ['a pool that could not connect in time', new Error('timeout exceeded when trying to connect')],
    ['any of these under TypeORM', new QueryFailedError('SELECT 1', [], pgError('57P01'))],
    ['any of these as a cause', new Error('could not claim', { cause: new Error('Connection terminated unexpectedly') })],
  ])('says yes to %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], pgError('23505'))],
    ['a syntax error', pgError('42601')],
    ['another object in the wrong state (55000)', pgError('55000', 'cannot refresh materialized view concurrently')],
    ['an error without a code', new Error('boom')],
    ['something not an error', 'ECONNREFUSED'],
  ])('says no to %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
