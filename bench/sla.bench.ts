import { PLANS, responseDueAt, type Plan } from '@support-tickets/core';
import { Bench } from 'tinybench';
import { expect, test } from 'vitest';

// The SLA due time is computed on every ticket write and for every row of the agents'
// queue, so it must stay cheap: ≥ 200,000 ops/s for a business-hours target (bench/README.md).
const BUSINESS_TARGET_OPS = 200_000;

const MINUTE = 60_000;
// Start instants every 7 min 13 s over three months: they hit every hour of the day, every
// weekday, open and closed time, so the bench measures the real path, not one cached answer.
const STARTS = Array.from({ length: 18_000 }, (_, i) => new Date(Date.UTC(2026, 3, 1) + i * (7 * MINUTE + 13_000)));

/** A business-hours plan with a 24 h normal target, as an agent would set for a large customer. */
const BUSINESS_HOURS_24H: Plan = { id: 'custom', responseMinutes: { normal: 24 * 60 }, hours: 'business' };

let sink = 0;
function cycling(fn: (start: Date) => Date | null): () => void {
  let i = 0;
  return () => {
    const start = STARTS[i++ % STARTS.length] as Date;
    sink ^= fn(start)?.getTime() ?? 0;
  };
}

/** Operations per second of `fn` after a warm-up, printed as Tinybench's table. */
async function opsPerSecond(name: string, fn: () => void): Promise<number> {
  const bench = new Bench({ time: 1_000, warmupTime: 200 });
  bench.add(name, fn);
  await bench.warmup();
  await bench.run();
  console.table(bench.table());
  const [task] = bench.tasks;
  if (!task?.result || task.result.error) throw task?.result?.error ?? new Error(`${name} did not run`);
  return task.result.hz;
}

test('responseDueAt, 24 h of business hours (Asia/Tehran)', async () => {
  const ops = await opsPerSecond('responseDueAt business 24h', cycling((start) => responseDueAt(start, BUSINESS_HOURS_24H, 'normal')));
  expect(sink).not.toBeNaN();
  expect(ops).toBeGreaterThanOrEqual(BUSINESS_TARGET_OPS);
});

test('responseDueAt, developer plan normal (24 h business hours)', async () => {
  const ops = await opsPerSecond('responseDueAt developer normal', cycling((start) => responseDueAt(start, PLANS.developer, 'normal')));
  expect(ops).toBeGreaterThanOrEqual(BUSINESS_TARGET_OPS);
});

test('responseDueAt, 30 min around the clock (enterprise critical)', async () => {
  const ops = await opsPerSecond('responseDueAt 24/7 30min', cycling((start) => responseDueAt(start, PLANS.enterprise, 'critical')));
  expect(ops).toBeGreaterThan(0);
});
