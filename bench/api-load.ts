/**
 * Load on the hot read paths: the agent queue's first page and one ticket, over HTTP on the
 * loopback, against ~10,000 open tickets. A plain script (not a Vitest bench):
 *
 *   node --import tsx bench/api-load.ts            # BENCH_TICKETS=10000 BENCH_SECONDS=10
 *
 * Everything stays on 127.0.0.1 and each run is bounded in time; the temp database is removed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { AuthUser } from '@support-tickets/server';
import { createServer, signToken, silentLogger } from '@support-tickets/server';
import autocannon from 'autocannon';
import { actOnTicket, createTicket, ensureOrganisation, seedInOneTransaction, setPlan } from '../test/helpers/bulk';

const TICKETS = Math.min(Number(process.env.BENCH_TICKETS ?? 10_000), 50_000);
const SECONDS = Math.min(Number(process.env.BENCH_SECONDS ?? 10), 30);
const CONNECTIONS = 10;
const SECRET = 'bench-secret-0123456789abcdef';

const dir = mkdtempSync(join(tmpdir(), 'support-tickets-bench-'));
const dbFile = join(dir, 'bench.db');
const start = Date.now() - 3 * 24 * 3_600_000;
let clock = start;

console.log(`seeding ${TICKETS.toLocaleString('en')} open tickets …`);
const seeded = performance.now();
// The services take a verified user; these never open a stream, so any expiry will do.
const expiresAt = new Date(Date.now() + 24 * 3_600_000);
const agent: AuthUser = { id: 'bench-agent', role: 'agent', orgId: null, name: 'Bench Agent', orgName: null, expiresAt };
let someTicket = '';
await seedInOneTransaction(dbFile, () => new Date(clock), async (deps) => {
  const orgs = Array.from({ length: 40 }, (_, i) => ({
    id: `bench-org-${i}`,
    plan: (['enterprise', 'sme', 'business', 'developer'] as const)[i % 4]!,
  }));
  const offered = new Map<string, string[]>();
  for (const org of orgs) {
    await ensureOrganisation(deps, { id: `${org.id}-c`, role: 'customer', orgId: org.id, name: 'C', orgName: null, expiresAt });
    const moved = await setPlan(deps, agent, { orgId: org.id, plan: org.plan });
    if (!moved.ok) throw new Error(moved.error.message);
    offered.set(org.id, moved.value.availablePriorities);
  }
  for (let i = 0; i < TICKETS; i++) {
    clock += 20_000; // spread over ~2.3 days: some breached, most not
    const org = orgs[i % orgs.length]!;
    const priorities = offered.get(org.id)! as Array<'critical' | 'urgent' | 'high' | 'normal' | 'low'>;
    const customer: AuthUser = { id: `${org.id}-c${i % 5}`, role: 'customer', orgId: org.id, name: 'C', orgName: null, expiresAt };
    const created = await createTicket(deps, customer, {
      subject: `Bench ticket ${i}`,
      body: 'Load test',
      category: (['activation', 'technical', 'financial', 'sales'] as const)[i % 4]!,
      priority: priorities[i % priorities.length]!,
    });
    if (!created.ok) throw new Error(created.error.message);
    someTicket = created.value;
    if (i % 5 === 0) await actOnTicket(deps, agent, created.value, { type: 'accept' });
    if (i % 10 === 3) await actOnTicket(deps, agent, created.value, { type: 'reply', body: 'An answer' });
  }
});
console.log(`seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

const server = await createServer({ databaseUrl: `file:${dbFile}`, authSecret: SECRET, logger: silentLogger, now: () => new Date(clock) });
const listener = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise<void>((resolve) => listener.once('listening', () => resolve()));
const origin = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
const token = await signToken(SECRET, { sub: agent.id, role: 'agent', name: agent.name });
const headers = { authorization: `Bearer ${token}` };
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
  await server.close();
  (listener as { closeAllConnections?: () => void }).closeAllConnections?.();
  await closed;
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
