import { signToken } from '@support-tickets/server';
import { describe, expect, it } from 'vitest';
import { handMadeToken } from './helpers/jwt';
import { expectCode, PEOPLE, SECRET, serverForTests } from './helpers/server';

// SPEC §9: a token's `exp` past the year 2100 is refused. One beyond the range of a Date made
// every open stream re-arm its expiry timer each millisecond.

const t = serverForTests();

const YEAR_2100 = Date.UTC(2100, 0, 1) / 1000;

describe('a token’s expiry', () => {
  it.each([
    ['just past 2100', YEAR_2100 + 1],
    ['beyond the range of a Date', 8.64e12 + 1],
    ['beyond a safe integer', 2 ** 60],
  ])('%s is refused as UNAUTHORIZED, for queries and live updates alike', async (_label, exp) => {
    const token = handMadeToken({ ...PEOPLE.customerA, exp }, SECRET);
    const error = await expectCode(t.withToken(token).ticket.list.query(), 'UNAUTHORIZED');
    expect(error.message).toMatch(/exp/);
    const stream = await fetch(`${t.origin}/trpc/ticket.onChange?${new URLSearchParams({ connectionParams: JSON.stringify({ token }) })}`, {
      headers: { accept: 'text/event-stream' },
    });
    const text = await stream.text(); // the stream ends at once with the refusal
    expect(text).toContain('UNAUTHORIZED');
    expect(t.server.liveSubscribers()).toBe(0);
  });

  it('up to 2100 is accepted', async () => {
    const token = handMadeToken({ ...PEOPLE.customerA, exp: YEAR_2100 }, SECRET);
    expect((await t.withToken(token).ticket.list.query()).items).toEqual([]);
  });

  it('past 2100 is refused when signing, too', async () => {
    await expect(signToken(SECRET, { ...PEOPLE.customerA, exp: YEAR_2100 + 1 })).rejects.toThrow(/exp/);
  });
});
