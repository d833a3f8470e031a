/**
 * What notifications cost the request that makes a change, and how fast the dispatcher sends:
 * `ticket.create` latency (p50, p99) with no webhook endpoint and with five (one of them answering
 * only after 2 s), the dispatcher running throughout; then deliveries per second to fast
 * receivers. A plain script, everything on 127.0.0.1:
 *
 *   node --import tsx bench/notifications.ts      # BENCH_CREATES=300 BENCH_BACKLOG=400
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestServer, TestClock } from '@support-tickets/server/testing';

const CREATES = Math.min(Number(process.env.BENCH_CREATES ?? 300), 5_000);
const BACKLOG = Math.min(Number(process.env.BENCH_BACKLOG ?? 400), 5_000);
const NEW_TICKET = { subject: 'Load balancer drops connections', body: 'Since the last deploy.', category: 'technical' } as const;

/** A receiver answering 204, after `delayMs`; counts what it got. */
async function receiver(delayMs: number): Promise<{ url: string; received: () => number; server: Server }> {
  let received = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => setTimeout(() => (received++, res.writeHead(204).end()), delayMs));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received: () => received, server };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function createLatencies(endpoints: number): Promise<{ p50: number; p99: number }> {
  const t = await createTestServer({ clock: new TestClock(Date.now()), notifications: { webhookAllowPrivate: true, pollMs: 50 } });
  const receivers = await Promise.all(Array.from({ length: endpoints }, (_, i) => receiver(i === 0 ? 2_000 : 0)));
  try {
    const agent = await t.clientFor({ sub: 'bench-agent', role: 'agent' });
    for (const r of receivers) await agent.webhook.create.mutate({ url: r.url });
    t.server.startScheduler();
    const customer = await t.clientFor({ sub: 'bench-c', role: 'customer', org: 'bench-org' });
    const times: number[] = [];
    for (let i = 0; i < CREATES; i++) {
      const started = performance.now();
      await customer.ticket.create.mutate(NEW_TICKET);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p99: percentile(times, 99) };
  } finally {
    await t.close({ removeFile: true });
    for (const r of receivers) r.server.close();
  }
}

async function deliveriesPerSecond(): Promise<number> {
  const t = await createTestServer({ clock: new TestClock(Date.now()), notifications: { webhookAllowPrivate: true } });
  const receivers = await Promise.all(Array.from({ length: 5 }, () => receiver(0)));
  try {
    const agent = await t.clientFor({ sub: 'bench-agent', role: 'agent' });
    for (const r of receivers) await agent.webhook.create.mutate({ url: r.url });
    const customer = await t.clientFor({ sub: 'bench-c', role: 'customer', org: 'bench-org' });
    for (let i = 0; i < BACKLOG; i++) await customer.ticket.create.mutate(NEW_TICKET);
    const expected = BACKLOG * receivers.length;
    const started = performance.now();
    while (receivers.reduce((sum, r) => sum + r.received(), 0) < expected) await t.server.deliverNotifications();
    return expected / ((performance.now() - started) / 1000);
  } finally {
    await t.close({ removeFile: true });
    for (const r of receivers) r.server.close();
  }
}

const none = await createLatencies(0);
console.log(`ticket.create, no endpoint:              p50 ${none.p50.toFixed(1)} ms, p99 ${none.p99.toFixed(1)} ms (${CREATES} creates)`);
const five = await createLatencies(5);
console.log(`ticket.create, 5 endpoints (one slow 2 s): p50 ${five.p50.toFixed(1)} ms, p99 ${five.p99.toFixed(1)} ms (${CREATES} creates)`);
const rate = await deliveriesPerSecond();
console.log(`dispatcher: ${Math.round(rate)} deliveries/s (${BACKLOG} tickets × 5 endpoints, one process)`);
