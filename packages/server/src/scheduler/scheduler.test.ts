import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestServer, TestClock, type TestServer } from '../testing';

// Scheduled closing on fake timers and a fake wall clock: when the scheduler's timer goes off is
// known to the millisecond, whatever the machine's load. The database is real.

const START = new Date('2026-05-20T06:00:00Z');
const customer = { sub: 'c1', role: 'customer', org: 'acme' } as const;
const agent = { sub: 'a1', role: 'agent' } as const;

let t: TestServer;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(START);
  const clock = new TestClock(0);
  clock.now = () => new Date(); // the domain clock is the (fake) wall clock
  // 30 s after the agent reply; only the auto-close timer runs (no notification timers beside it).
  t = await createTestServer({ clock, autoCloseHours: 30 / 3600, notifications: { background: false } });
});
afterEach(async () => {
  await t.close({ removeFile: true });
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** Lets promises and database calls finish until `done` holds, without moving the fake clock. */
async function settle(done: () => boolean | Promise<boolean>) {
  for (let i = 0; i < 100_000; i++) {
    if (await done()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('did not settle');
}

async function waitingTicket() {
  const ticket = await (await t.callerFor(customer)).ticket.create({ subject: 'S', body: 'B', category: 'technical' });
  const replied = await (await t.callerFor(agent)).ticket.reply({ id: ticket.id, body: 'Fixed?' });
  return { id: ticket.id, autoCloseAt: replied.autoCloseAt! };
}

describe('the scheduler', () => {
  it('arms its timer for the next auto-close time and closes the ticket then, to the millisecond', async () => {
    const ticket = await waitingTicket();
    expect(ticket.autoCloseAt).toBe('2026-05-20T06:00:30.000Z');
    t.server.startScheduler();
    await settle(() => vi.getTimerCount() === 1); // the first sweep found nothing due, and armed

    await vi.advanceTimersToNextTimerAsync();
    expect(new Date().toISOString()).toBe(ticket.autoCloseAt);
    const viewer = await t.callerFor(agent);
    await settle(async () => (await viewer.ticket.get({ id: ticket.id })).status === 'closed');
    expect(await viewer.ticket.get({ id: ticket.id })).toMatchObject({ closedBy: 'system', closedAt: ticket.autoCloseAt });
  });

  it('re-arms for an earlier time when a change sets one', async () => {
    const armed = vi.spyOn(globalThis, 'setTimeout');
    const armedFor = (ms: number) => armed.mock.calls.some(([, delay]) => delay === ms);
    t.server.startScheduler();
    await settle(() => armedFor(60_000)); // nothing pending: the safety sweep, a minute ahead
    vi.setSystemTime(new Date(START.getTime() + 10_000));
    const ticket = await waitingTicket(); // due 30 s from now, before the safety sweep
    await settle(() => armedFor(30_000));
    expect(vi.getTimerCount()).toBe(1); // the minute-long timer is gone

    await vi.advanceTimersToNextTimerAsync();
    expect(new Date().toISOString()).toBe(ticket.autoCloseAt);
    const viewer = await t.callerFor(agent);
    await settle(async () => (await viewer.ticket.get({ id: ticket.id })).status === 'closed');
  });
});
