/**
 * CPU time per request of the API's hot paths, in-process: `app.fetch` called one request after
 * another (no sockets, no concurrency), timed with `process.cpuUsage`. Steadier than req/s on a
 * shared machine, where other processes take the cores `api-load.ts` measures with. A plain script:
 *
 *   node --import tsx bench/api-cpu.ts      # BENCH_TICKETS=2000 BENCH_CALLS=400
 *
 * Prints the least of three runs of BENCH_CALLS calls per path, beside the floor's (`api-floor.ts`)
 * and the ratio floor CPU / path CPU: the req/s ratio a saturated core would give. The temp
 * database is removed.
 */
import { createTestServer, TestClock, tempDbFile } from '@support-tickets/server/testing';
import { createFloorApp } from './api-floor';
import { agentClaims, customerClaims, seedTickets } from './seed-tickets';

const TICKETS = Math.min(Number(process.env.BENCH_TICKETS ?? 2_000), 50_000);
const CALLS = Math.min(Number(process.env.BENCH_CALLS ?? 400), 5_000);

const dbFile = tempDbFile();
const clock = new TestClock(Date.now() - 3 * 24 * 3_600_000);
const { someTicket, createPriority } = await seedTickets(dbFile, clock, TICKETS);
const test = await createTestServer({ dbFile, clock });
const floor = await createFloorApp(dbFile);
const agent = { authorization: `Bearer ${await test.token(agentClaims)}` };
const customer = { authorization: `Bearer ${await test.token(customerClaims)}` };
type Fetch = (request: Request) => Response | Promise<Response>;
const query = (path: string, input: unknown, headers: Record<string, string>, fetch: Fetch = test.app.fetch) => () =>
  fetch(new Request(`http://127.0.0.1/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers }));
const mutation = (path: string, input: unknown, headers: Record<string, string>, fetch: Fetch = test.app.fetch) => () =>
  fetch(
    new Request(`http://127.0.0.1/trpc/${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(input) }),
  );
const body = 'A bench ticket body of a usual length, a sentence or two.';
const readFloor = query('read', { id: 1 }, {}, floor.app.fetch);
const writeFloor = mutation('write', { body }, {}, floor.app.fetch);
const paths: Array<[string, () => Response | Promise<Response>, () => Response | Promise<Response>]> = [
  ['ticket.get (agent)', query('ticket.get', { id: someTicket }, agent), readFloor],
  ['ticket.list (agent queue, 25)', query('ticket.list', {}, agent), readFloor],
  ['ticket.list (customer, 25)', query('ticket.list', {}, customer), readFloor],
  ['ticket.create (customer)', mutation('ticket.create', { subject: 'Bench create', body, category: 'technical', priority: createPriority }, customer), writeFloor],
];

/** CPU milliseconds per call: the least of three runs of CALLS calls, after one to warm up. */
async function cpuPerCall(name: string, call: () => Response | Promise<Response>): Promise<number> {
  const runs: number[] = [];
  for (let run = 0; run <= 3; run++) {
    const before = process.cpuUsage();
    for (let i = 0; i < CALLS; i++) {
      const response = await call();
      if (!response.ok) throw new Error(`${name} answered ${response.status}: ${await response.text()}`);
      await response.text();
    }
    const used = process.cpuUsage(before);
    if (run > 0) runs.push((used.user + used.system) / 1000 / CALLS);
  }
  return Math.min(...runs);
}

try {
  console.log(`least of 3 × ${CALLS} calls, ${TICKETS.toLocaleString('en')} tickets\n`);
  console.log('| path | CPU per request | floor | ratio |\n|---|---|---|---|');
  for (const [name, call, floorCall] of paths) {
    const product = await cpuPerCall(name, call);
    const least = await cpuPerCall(`${name} floor`, floorCall);
    console.log(`| ${name} | ${product.toFixed(2)} ms | ${least.toFixed(2)} ms | ${(least / product).toFixed(2)} |`);
  }
} finally {
  floor.close();
  await test.close({ removeFile: true });
}
process.exit(0);
