import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { toSupportError } from './errors';

describe('toSupportError', () => {
  it('keeps the tRPC code and the server’s field issues', () => {
    const error = toSupportError(
      new TRPCClientError('Invalid input', {
        result: {
          error: {
            message: 'Invalid input: subject: Too big',
            code: -32600,
            data: { code: 'BAD_REQUEST', httpStatus: 400, issues: [{ path: 'subject', message: 'Too big' }] },
          },
        } as never,
      }),
      'ticket.create',
    );
    expect(error).toMatchObject({ code: 'BAD_REQUEST', procedure: 'ticket.create' });
    expect(error.issues).toEqual([{ field: 'subject', code: null, message: 'Too big' }]);
  });

  it('calls a request that never reached the API a network error', () => {
    expect(toSupportError(new TypeError('Failed to fetch')).code).toBe('NETWORK');
    expect(toSupportError(new TRPCClientError('Unexpected token <')).code).toBe('NETWORK');
  });
});
