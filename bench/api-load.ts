/**
 * The API's hot paths against the floors of their own stack, over HTTP on the loopback with
 * ~10,000 tickets: the agent's ticket, the agent queue, the customer's list and ticket creation,
 * each beside a floor (`api-floor.ts`: the same Hono + tRPC + drizzle + libSQL stack reading or
 * inserting one row), in interleaved rounds; medians printed. A plain script (not a Vitest bench):
 *
 *   node --import tsx bench/api-load.ts      # BENCH_TICKETS=10000 BENCH_SECONDS=10 BENCH_ROUNDS=3
 *
 * Everything stays on 127.0.0.1 and each run is bounded in time; the temp database is removed.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createTestServer, TestClock, tempDbFile } from '@support-tickets/server/testing';
import { createFloorApp } from './api-floor';
import { measure, median, type Measurement, type Target } from './api-measure';
import { agentClaims, customerClaims, seedTickets } from './seed-tickets';

const TICKETS = Math.min(Number(process.env.BENCH_TICKETS ?? 10_000), 50_000);
const SECONDS = Math.min(Number(process.env.BENCH_SECONDS ?? 10), 30);
const ROUNDS = Math.min(Number(process.env.BENCH_ROUNDS ?? 3), 5);
const CONNECTIONS = 10;

const dbFile = tempDbFile();
const clock = new TestClock(Date.now() - 3 * 24 * 3_600_000);

console.log(`seeding ${TICKETS.toLocaleString('en')} open tickets …`);
const seeded = performance.now();
const { someTicket, createPriority } = await seedTickets(dbFile, clock, TICKETS);
console.log(`seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

const test = await createTestServer({ dbFile, clock });
const floor = await createFloorApp(dbFile);
const listen = async (fetch: (request: Request) => Response | Promise<Response>) => {
  const listener = serve({ fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => listener.once('listening', () => resolve()));
  return { listener, origin: `http://127.0.0.1:${(listener.address() as AddressInfo).port}` };
};
const product = await listen(test.app.fetch);
const floorServer = await listen(floor.app.fetch);
const agent = { authorization: `Bearer ${await test.token(agentClaims)}` };
const customer = { authorization: `Bearer ${await test.token(customerClaims)}` };
const query = (origin: string, path: string, input: unknown) => `${origin}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
const mutation = (origin: string, path: string, input: unknown, headers = {}): Target => ({
  name: path,
  url: `${origin}/trpc/${path}`,
  method: 'POST',
  body: JSON.stringify(input),
  headers,
});

const readFloor: Target = { name: 'read floor', url: query(floorServer.origin, 'read', { id: 1 }) };
const writeFloor = mutation(floorServer.origin, 'write', { body: 'A bench ticket body of a usual length, a sentence or two.' });
const paths: Array<{ product: Target; floor: Target; target: number }> = [
  { product: { name: 'ticket.get (agent)', url: query(product.origin, 'ticket.get', { id: someTicket }), headers: agent }, floor: readFloor, target: 0.5 },
  { product: { name: 'ticket.list (agent queue, 25)', url: query(product.origin, 'ticket.list', {}), headers: agent }, floor: readFloor, target: 0.4 },
  { product: { name: 'ticket.list (customer, 25)', url: query(product.origin, 'ticket.list', {}), headers: customer }, floor: readFloor, target: 0.4 },
  {
    product: {
      ...mutation(product.origin, 'ticket.create', { subject: 'Bench create', body: 'A bench ticket body of a usual length, a sentence or two.', category: 'technical', priority: createPriority }, customer),
      name: 'ticket.create (customer)',
    },
    floor: writeFloor,
    target: 0.5,
  },
];

const results = new Map<Target, Measurement[]>();
let failed = false;
try {
  for (let round = 1; round <= ROUNDS; round++) {
    console.log(`round ${round} of ${ROUNDS} …`);
    // Floor and product side by side in each round, so a busy moment of the machine hits both.
    for (const target of new Set(paths.flatMap((p) => [p.floor, p.product]))) {
      const measured = await measure(target, SECONDS, CONNECTIONS);
      if (measured.failed > 0) failed = true;
      results.set(target, [...(results.get(target) ?? []), measured]);
    }
  }
  const summary = (target: Target) => {
    const runs = results.get(target)!;
    const pick = (key: keyof Measurement) => median(runs.map((r) => r[key]));
    return { reqPerSec: pick('reqPerSec'), p50: pick('p50'), p99: pick('p99'), cpuMs: pick('cpuMs'), failed: runs.reduce((n, r) => n + r.failed, 0) };
  };
  console.log(`\nmedians of ${ROUNDS} rounds, ${CONNECTIONS} connections, ${SECONDS} s each, ${TICKETS.toLocaleString('en')} tickets\n`);
  console.log('| path | product req/s | floor req/s | ratio (target) | p50 / p99 ms | CPU per request (floor) | failed |');
  console.log('|---|---|---|---|---|---|---|');
  for (const path of paths) {
    const p = summary(path.product);
    const f = summary(path.floor);
    const ratio = p.reqPerSec / f.reqPerSec;
    console.log(
      `| ${path.product.name} | ${Math.round(p.reqPerSec).toLocaleString('en')} | ${Math.round(f.reqPerSec).toLocaleString('en')} | ` +
        `${ratio.toFixed(2)} (≥ ${path.target} ${ratio >= path.target ? 'met' : 'not met'}) | ${p.p50} / ${p.p99} | ` +
        `${p.cpuMs.toFixed(2)} ms (${f.cpuMs.toFixed(2)}) | ${p.failed} |`,
    );
  }
} finally {
  for (const { listener } of [product, floorServer]) {
    const closed = new Promise<void>((resolve) => listener.close(() => resolve()));
    (listener as { closeAllConnections?: () => void }).closeAllConnections?.();
    await closed;
  }
  floor.close();
  await test.close({ removeFile: true });
}
process.exit(failed ? 1 : 0);
