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

  it('keeps a refusal reason it can word, and leaves one from a newer server to the message', () => {
    const refusal = (reason: unknown) =>
      toSupportError(
        new TRPCClientError('refused', {
          result: { error: { message: 'refused', code: -32009, data: { code: 'CONFLICT', httpStatus: 409, reason } } } as never,
        }),
      );
    expect(refusal({ kind: 'ticket_closed' }).reason).toEqual({ kind: 'ticket_closed' });
    expect(refusal({ kind: 'priority_unavailable', plan: 'developer', priority: 'high', offered: ['normal', 'low'] }).reason).toEqual({
      kind: 'priority_unavailable',
      plan: 'developer',
      priority: 'high',
      offered: ['normal', 'low'],
    });
    expect(refusal({ kind: 'a_reason_from_the_future' }).reason).toBeNull();
    expect(refusal({ kind: 'priority_unavailable', plan: 'platinum', priority: 'high', offered: [] }).reason).toBeNull();
    expect(refusal(null).reason).toBeNull();
  });

  it('calls a request that never reached the API a network error', () => {
    expect(toSupportError(new TypeError('Failed to fetch')).code).toBe('NETWORK');
    expect(toSupportError(new TRPCClientError('Unexpected token <')).code).toBe('NETWORK');
  });
});
