import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { fail, ServiceFailure } from '../shared/result';
import { trackedChanges, unwrap } from './trpc';

// The edge: where service errors (returned, or thrown by a stream midway) become tRPC errors.

describe('unwrap', () => {
  it('gives the value, or throws the tRPC error of the service error’s code', () => {
    expect(unwrap({ ok: true, value: 7 })).toBe(7);
    const codes = { not_found: 'NOT_FOUND', forbidden: 'FORBIDDEN', conflict: 'CONFLICT', invalid: 'BAD_REQUEST', unauthorized: 'UNAUTHORIZED', unavailable: 'SERVICE_UNAVAILABLE' } as const;
    for (const [code, trpc] of Object.entries(codes)) {
      expect(() => unwrap(fail(code as keyof typeof codes, 'No.'))).toThrow(expect.objectContaining({ code: trpc, message: 'No.' }));
    }
  });
});

describe('trackedChanges', () => {
  it('tracks each change by its event id, and turns a service failure midway into a tRPC error', async () => {
    async function* changes() {
      yield { eventId: 41, kind: 'replied' };
      yield { eventId: 42, kind: 'closed' };
      throw new ServiceFailure({ code: 'unavailable', message: 'The server is restarting; the stream will resume.' });
    }
    const sent: unknown[] = [];
    const error = await (async () => {
      for await (const envelope of trackedChanges(changes())) sent.push([envelope[0], envelope[1]]);
    })().catch((e: unknown) => e);
    expect(sent).toEqual([
      ['41', { eventId: 41, kind: 'replied' }],
      ['42', { eventId: 42, kind: 'closed' }],
    ]);
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: 'The server is restarting; the stream will resume.' });
  });

  it('ends the service’s stream when the client goes away', async () => {
    let ended = false;
    async function* changes() {
      try {
        yield { eventId: 1 };
        yield { eventId: 2 };
      } finally {
        ended = true;
      }
    }
    const stream = trackedChanges(changes());
    await stream.next();
    await stream.return(undefined);
    expect(ended).toBe(true);
  });
});
