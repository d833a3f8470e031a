import { describe, expect, it } from 'vitest';
import { toSupportError } from './errors';
import { ApiError } from './wire';

describe('toSupportError', () => {
  it('calls a request that never reached the API a network error', () => {
    expect(toSupportError(new TypeError('Failed to fetch')).code).toBe('NETWORK');
    expect(toSupportError(new SyntaxError('Unexpected token <')).code).toBe('NETWORK');
  });

  it('takes the code, issues and reason from the error the API answered with', () => {
    const error = toSupportError(new ApiError('Ticket changed', { code: 'CONFLICT', httpStatus: 409, reason: { kind: 'ticket_changed' } } as never), 'ticket.reply');
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'Ticket changed', procedure: 'ticket.reply', reason: { kind: 'ticket_changed' } });
  });
});
