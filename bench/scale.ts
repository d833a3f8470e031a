/**
 * The list paths and search as the database grows: p99 at 10,000, 200,000 and 1,000,000
 * tickets (10 connections), the server's RSS under that load, and the longest the event loop
 * was held. The first 10,000 tickets come through the API; the rest are bulk SQL copies of them
 * (`scale-grow.ts`). A plain script:
 *
 *   node --import tsx bench/scale.ts       # BENCH_SCALES=10000,200000,1000000 BENCH_SECONDS=5
 */
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import { createTestServer, removeDatabaseFile, TestClock, tempDbFile } from '@support-tickets/server/testing';
import { measure, type Target } from './api-measure';
import { growTo } from './scale-grow';
import { adminClaims, agentClaims, customerClaims, seedTickets } from './seed-tickets';

const SCALES = (process.env.BENCH_SCALES ?? '10000,200000,1000000').split(',').map(Number);
const SECONDS = Math.min(Number(process.env.BENCH_SECONDS ?? 5), 30);
const CONNECTIONS = 10;
const TEMPLATE = SCALES[0]!;

const dbFile = tempDbFile();
const clock = new TestClock(Date.now() - 5 * 24 * 3_600_000);
console.log(`seeding ${TEMPLATE.toLocaleString('en')} tickets through the API …`);
await seedTickets(dbFile, clock, TEMPLATE);

const paths: Array<{ name: string; who: typeof agentClaims; input: Record<string, unknown> }> = [
  { name: 'agent queue (due)', who: agentClaims, input: {} },
  { name: 'agent queue, status filter', who: agentClaims, input: { status: 'in_progress' } },
  { name: 'agent, latest updated', who: agentClaims, input: { sort: 'updated' } },
  { name: 'agent, one organisation', who: agentClaims, input: { orgId: 'bench-org-7' } },
  { name: 'customer list', who: customerClaims, input: {} },
  { name: 'org admin list', who: adminClaims, input: {} },
  { name: 'search, no match (agent)', who: agentClaims, input: { q: 'nothing-matches-this' } },
  { name: 'search, many matches (agent)', who: agentClaims, input: { q: 'server' } },
  { name: 'search, many matches (customer)', who: customerClaims, input: { q: 'سرور' } },
];

const table = new Map<string, number[]>();
const rss: number[] = [];
const stalls: number[] = [];
try {
  for (const scale of SCALES) {
    const started = performance.now();
    const have = await growTo(dbFile, TEMPLATE, scale);
    console.log(`${have.toLocaleString('en')} tickets (grown in ${((performance.now() - started) / 1000).toFixed(0)} s)`);
    const test = await createTestServer({ dbFile, clock });
    const listener = serve({ fetch: test.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => listener.once('listening', () => resolve()));
    const origin = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    for (const path of paths) {
      const target: Target = {
        name: path.name,
        url: `${origin}/trpc/ticket.list?input=${encodeURIComponent(JSON.stringify(path.input))}`,
        headers: { authorization: `Bearer ${await test.token(path.who)}` },
      };
      const measured = await measure(target, SECONDS, CONNECTIONS);
      if (measured.failed > 0) throw new Error(`${path.name}: ${measured.failed} failed requests`);
      table.set(path.name, [...(table.get(path.name) ?? []), measured.p99]);
    }
    loop.disable();
    clearInterval(sampler);
    rss.push(peak);
    stalls.push(loop.max / 1e6);
    await new Promise<void>((resolve) => {
      listener.close(() => resolve());
      (listener as { closeAllConnections?: () => void }).closeAllConnections?.();
    });
    await test.close();
  }
  const scales = SCALES.map((n) => n.toLocaleString('en'));
  console.log(`\np99 (ms) at ${CONNECTIONS} connections, ${SECONDS} s per path\n`);
  console.log(`| path | ${scales.join(' | ')} | largest ÷ smallest (target ≤ 1.5) |`);
  console.log(`|---|${scales.map(() => '---|').join('')}---|`);
  for (const [name, p99s] of table) {
    const ratio = p99s.at(-1)! / Math.max(p99s[0]!, 1);
    console.log(`| ${name} | ${p99s.join(' | ')} | ${ratio.toFixed(2)} ${ratio <= 1.5 ? 'met' : 'not met'} |`);
  }
  console.log(`| server RSS under load (MB; target ≤ 250 at the largest) | ${rss.map((b) => Math.round(b / 2 ** 20)).join(' | ')} | |`);
  console.log(`| longest event-loop stall (ms; target ≤ 50) | ${stalls.map((ms) => Math.round(ms)).join(' | ')} | |`);
} finally {
  removeDatabaseFile(dbFile);
}
