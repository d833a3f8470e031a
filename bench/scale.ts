/**
 * The list paths and search as the database grows: p99 at 10,000, 200,000 and 1,000,000
 * tickets (10 connections), the server's RSS under that load, and the longest the event loop
 * was held. The first 10,000 tickets come through the API; the rest are bulk SQL copies of them
 * (`scale-grow.ts`). The server runs in a process of its own (`scale-server.ts`), so its RSS
 * and event loop are measured alone; the load comes from this one. A plain script:
 *
 *   node --import tsx bench/scale.ts       # BENCH_SCALES=10000,200000,1000000 BENCH_SECONDS=5
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { removeDatabaseFile, TestClock, tempDbFile } from '@support-tickets/server/testing';
import { measure, type Target } from './api-measure';
import { growTo } from './scale-grow';
import type { ServerReply, ServerRequest } from './scale-server';
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

/** Sends a request to the server process and waits for the reply of that kind. */
async function ask<K extends ServerReply['kind']>(child: ChildProcess, request: ServerRequest | null, kind: K) {
  if (request) child.send(request);
  for (;;) {
    const [reply] = (await once(child, 'message')) as [ServerReply];
    if (reply.kind === kind) return reply as Extract<ServerReply, { kind: K }>;
  }
}

const table = new Map<string, number[]>();
const rss: number[] = [];
const stalls: number[] = [];
try {
  for (const scale of SCALES) {
    const started = performance.now();
    const have = await growTo(dbFile, TEMPLATE, scale);
    console.log(`${have.toLocaleString('en')} tickets (grown in ${((performance.now() - started) / 1000).toFixed(0)} s)`);
    const child = fork(new URL('./scale-server.ts', import.meta.url), {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, BENCH_DB_FILE: dbFile, BENCH_NOW: String(clock.now().getTime()) },
    });
    try {
      const { port } = await ask(child, null, 'listening');
      const origin = `http://127.0.0.1:${port}`;
      await ask(child, { kind: 'stats' }, 'stats'); // from here on: the stalls under load
      for (const path of paths) {
        const { token } = await ask(child, { kind: 'token', claims: path.who }, 'token');
        const target: Target = {
          name: path.name,
          url: `${origin}/trpc/ticket.list?input=${encodeURIComponent(JSON.stringify(path.input))}`,
          headers: { authorization: `Bearer ${token}` },
        };
        const measured = await measure(target, SECONDS, CONNECTIONS);
        if (measured.failed > 0) throw new Error(`${path.name}: ${measured.failed} failed requests`);
        table.set(path.name, [...(table.get(path.name) ?? []), measured.p99]);
      }
      const stats = await ask(child, { kind: 'stats' }, 'stats');
      rss.push(stats.peakRssBytes);
      stalls.push(stats.longestStallMs);
    } finally {
      child.disconnect();
      await once(child, 'exit');
    }
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
