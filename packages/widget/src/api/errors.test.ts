import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { toSupportError } from './errors';

describe('toSupportError', () => {
  it('calls a request that never reached the API a network error', () => {
    expect(toSupportError(new TypeError('Failed to fetch')).code).toBe('NETWORK');
    expect(toSupportError(new TRPCClientError('Unexpected token <')).code).toBe('NETWORK');
  });
});
