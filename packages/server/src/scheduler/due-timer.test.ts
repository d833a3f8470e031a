import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger, type Logger } from '../logger';
import { createChangeFeed, type TicketChange } from '../shared/deps';
import { createDueTimer, SAFETY_SWEEP_MS, type DueTimerOptions, type Scheduler } from './due-timer';

// The timer loop both schedulers run, on fake timers: when it sweeps is known to the millisecond.

const START = new Date('2026-05-20T06:00:00Z');
const change: TicketChange = { ticketId: 't1', orgId: 'o1', createdBy: 'c1', kinds: ['replied'], at: START, autoCloseChanged: true };

let scheduler: Scheduler | null = null;
let errors: string[] = [];
const log: Logger = { ...silentLogger, error: (message: string) => void errors.push(message) };

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(START);
  errors = [];
});
afterEach(async () => {
  await scheduler?.stop();
  scheduler = null;
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** A due timer whose sweeps are counted; `nextDueAt` answers as the test says. */
function dueTimer(nextDueAt: () => Promise<Date | null>, options: Partial<DueTimerOptions> = {}) {
  const changes = createChangeFeed(log);
  const swept: number[] = [];
  scheduler = createDueTimer({
    name: 'test',
    sweep: async () => (swept.push(Date.now() - START.getTime()), 0),
    nextDueAt,
    moves: () => true,
    now: () => new Date(),
    changes,
    log,
    did: (n) => `did ${n}`,
    ...options,
  });
  return { changes, swept, scheduler };
}

/** Lets promises settle until `done` holds, without moving the fake clock. */
async function settle(done: () => boolean) {
  for (let i = 0; i < 10_000 && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
  expect(done()).toBe(true);
}

const later = (ms: number) => new Date(Date.now() + ms);

describe('the due timer', () => {
  it('sweeps at start, then when the next thing falls due', async () => {
    const { swept, scheduler } = dueTimer(async () => later(1_500));
    scheduler.start();
    await settle(() => swept.length === 1 && vi.getTimerCount() === 1);
    expect(swept).toEqual([0]);
    await vi.advanceTimersToNextTimerAsync();
    await settle(() => swept.length === 2);
    expect(swept).toEqual([0, 1_500]);
  });

  it('keeps the timer a change armed when an older read of the next time answers after it', async () => {
    const reads: Array<(at: Date | null) => void> = [];
    const { changes, swept, scheduler } = dueTimer(() => new Promise((resolve) => reads.push(resolve)));
    scheduler.start();
    await settle(() => reads.length === 1); // read after the first sweep: slow to answer
    changes.publish(change);
    await settle(() => reads.length === 2);
    reads[1]!(later(1_000)); // the change's read, with what the change set
    await settle(() => vi.getTimerCount() === 1);
    reads[0]!(later(50_000)); // the older read, from before the change
    for (let i = 0; i < 50; i++) await new Promise((resolve) => setImmediate(resolve));

    await vi.advanceTimersToNextTimerAsync();
    await settle(() => swept.length === 2);
    expect(swept).toEqual([0, 1_000]);
  });

  it('tries again, more slowly each time, what is still pending after a sweep', async () => {
    const armed = vi.spyOn(globalThis, 'setTimeout');
    const { swept, scheduler } = dueTimer(async () => new Date(START.getTime() - 1)); // never done
    scheduler.start();
    for (let n = 2; n <= 7; n++) {
      await settle(() => vi.getTimerCount() === 1);
      await vi.advanceTimersToNextTimerAsync();
      await settle(() => swept.length === n);
    }
    const delays = armed.mock.calls.map(([, delay]) => delay);
    expect(delays.slice(0, 6)).toEqual([50, 100, 200, 400, 800, 1_000]);
  });

  it('waits at least its shortest delay, and a minute when nothing is pending', async () => {
    const armed = vi.spyOn(globalThis, 'setTimeout');
    let next: Date | null = null;
    const { changes, swept, scheduler } = dueTimer(async () => next, { minDelayMs: 20 });
    scheduler.start();
    await settle(() => armed.mock.calls.length === 1);
    expect(armed.mock.calls[0]![1]).toBe(SAFETY_SWEEP_MS);
    next = new Date(); // due now, set by a change
    changes.publish(change);
    await settle(() => armed.mock.calls.length === 2);
    expect(armed.mock.calls[1]![1]).toBe(20);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersToNextTimerAsync();
    await settle(() => swept.length === 2);
  });

  it('logs a failed sweep or read and keeps going', async () => {
    let failReads = true;
    let failSweeps = true;
    const swept: number[] = [];
    const { scheduler } = dueTimer(
      async () => {
        if (failReads) throw new Error('locked');
        return later(100);
      },
      {
        sweep: async () => {
          swept.push(Date.now() - START.getTime());
          if (failSweeps) throw new Error('locked');
          return 1;
        },
      },
    );
    scheduler.start();
    await settle(() => errors.length === 2);
    expect(errors).toEqual(['test sweep failed', 'could not read the next test time']);
    failReads = false;
    failSweeps = false;
    await vi.advanceTimersToNextTimerAsync(); // the safety sweep, a minute on
    await settle(() => swept.length === 2 && vi.getTimerCount() === 1);
    await vi.advanceTimersToNextTimerAsync();
    await settle(() => swept.length === 3);
    expect(swept).toEqual([0, SAFETY_SWEEP_MS, SAFETY_SWEEP_MS + 100]);
  });

  it('does nothing more once stopped', async () => {
    const { changes, swept, scheduler } = dueTimer(async () => later(500));
    scheduler.start();
    await settle(() => vi.getTimerCount() === 1);
    await scheduler.stop();
    changes.publish(change);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(SAFETY_SWEEP_MS * 2);
    expect(swept).toEqual([0]);
  });
});
