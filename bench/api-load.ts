/**
 * Load on the hot read paths: the agent queue's first page and one ticket, over HTTP on the
 * loopback, against ~10,000 open tickets. A plain script (not a Vitest bench):
 *
 *   node --import tsx bench/api-load.ts            # BENCH_TICKETS=10000 BENCH_SECONDS=10
 *
 * Everything stays on 127.0.0.1 and each run is bounded in time; the temp database is removed.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { TokenClaims } from '@support-tickets/server';
import { createTestServer, seedInOneTransaction, TestClock, tempDbFile } from '@support-tickets/server/testing';
import autocannon from 'autocannon';

const TICKETS = Math.min(Number(process.env.BENCH_TICKETS ?? 10_000), 50_000);
const SECONDS = Math.min(Number(process.env.BENCH_SECONDS ?? 10), 30);
const CONNECTIONS = 10;

const dbFile = tempDbFile();
const clock = new TestClock(Date.now() - 3 * 24 * 3_600_000);

console.log(`seeding ${TICKETS.toLocaleString('en')} open tickets …`);
const seeded = performance.now();
const agentClaims: TokenClaims = { sub: 'bench-agent', role: 'agent', name: 'Bench Agent' };
let someTicket = '';
await seedInOneTransaction(dbFile, clock.now, async (callerFor) => {
  const agent = await callerFor(agentClaims);
  const orgs = await Promise.all(
    Array.from({ length: 40 }, async (_, i) => {
      const id = `bench-org-${i}`;
      // Five customers per organisation; the first request of one creates the organisation.
      const customers = await Promise.all(Array.from({ length: 5 }, (_, c) => callerFor({ sub: `${id}-c${c}`, role: 'customer', org: id, name: 'C' })));
      return { id, customers };
    }),
  );
  const offered = new Map<string, Array<'critical' | 'urgent' | 'high' | 'normal' | 'low'>>();
  for (const [i, org] of orgs.entries()) {
    await org.customers[0]!.org.get();
    const plan = (['enterprise', 'sme', 'business', 'developer'] as const)[i % 4]!;
    offered.set(org.id, (await agent.org.setPlan({ orgId: org.id, plan })).availablePriorities);
  }
  for (let i = 0; i < TICKETS; i++) {
    clock.advance(20_000); // spread over ~2.3 days: some breached, most not
    const org = orgs[i % orgs.length]!;
    const priorities = offered.get(org.id)!;
    const created = await org.customers[i % 5]!.ticket.create({
      subject: `Bench ticket ${i}`,
      body: 'Load test',
      category: (['activation', 'technical', 'financial', 'sales'] as const)[i % 4]!,
      priority: priorities[i % priorities.length]!,
    });
    someTicket = created.id;
    if (i % 5 === 0) await agent.ticket.accept({ id: created.id });
    if (i % 10 === 3) await agent.ticket.reply({ id: created.id, body: 'An answer' });
  }
});
console.log(`seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

const test = await createTestServer({ dbFile, clock });
const listener = serve({ fetch: test.app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise<void>((resolve) => listener.once('listening', () => resolve()));
const origin = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
const headers = { authorization: `Bearer ${await test.token(agentClaims)}` };
const query = (path: string, input: unknown) => `${origin}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;

const targets = [
  { name: 'ticket.list (agent queue, first page of 25)', url: query('ticket.list', {}) },
  { name: 'ticket.get (one ticket with thread)', url: query('ticket.get', { id: someTicket }) },
];

let failed = false;
try {
  for (const target of targets) {
    // Warm up (caches, JIT), then measure.
    // The load comes from a worker thread, so the server's event loop has this thread to itself.
    await autocannon({ url: target.url, headers, connections: CONNECTIONS, duration: 1, workers: 1 });
    const result = await autocannon({ url: target.url, headers, connections: CONNECTIONS, duration: SECONDS, timeout: 10, workers: 1 });
    const bad = result.errors + result.non2xx;
    if (bad > 0) failed = true;
    console.log(
      `${target.name}: ${Math.round(result.requests.average).toLocaleString('en')} req/s, ` +
        `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
        `${result.requests.total.toLocaleString('en')} requests in ${SECONDS} s, ${bad} failed`,
    );
  }
} finally {
  const closed = new Promise<void>((resolve) => listener.close(() => resolve()));
  await test.close({ removeFile: true });
  (listener as { closeAllConnections?: () => void }).closeAllConnections?.();
  await closed;
}
process.exit(failed ? 1 : 0);
