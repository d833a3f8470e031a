/**
 * The list paths and search as the database grows: p99 at 10,000, 200,000 and 1,000,000
 * tickets (10 connections), the server's RSS under that load, and the longest one request held
 * the event loop (each path again with one connection, so requests never queue behind each
 * other: the longest delay of a timer is one request's, or a GC pause). The first 10,000
 * tickets come through the API; the rest are bulk SQL copies of them (`scale-grow.ts`). The
 * server runs in a process of its own (`scale-server.ts`), so its RSS and event loop are
 * measured alone; the load comes from this one. A plain script:
 *
 *   node --import tsx bench/scale.ts       # BENCH_SCALES=10000,200000,1000000 BENCH_SECONDS=5
 *
 * BENCH_SERVER_FLAGS='--max-semi-space-size=16' runs the server with other Node flags.
 * BENCH_DB_FILE=/path keeps the database there (grown further on the next run) instead of a
 * temp file removed at the end: a million tickets are grown once.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { removeDatabaseFile, TestClock, tempDbFile } from '@support-tickets/server/testing';
import { measure, type Target } from './api-measure';
import { growTo } from './scale-grow';
import type { ServerReply, ServerRequest } from './scale-server';
import { adminClaims, agentClaims, customerClaims, seedTickets } from './seed-tickets';

const SCALES = (process.env.BENCH_SCALES ?? '10000,200000,1000000').split(',').map(Number);
const SECONDS = Math.min(Number(process.env.BENCH_SECONDS ?? 5), 30);
const CONNECTIONS = 10;
/** The server's environment and Node flags, read from how `pnpm start` runs it: `VAR=value… tsx --flag… src/main.ts`. */
const startScript = (JSON.parse(readFileSync(new URL('../apps/server/package.json', import.meta.url), 'utf8')) as { scripts: { start: string } }).scripts.start;
const startWords = startScript.split(/\s+/);
const SERVER_ENV = Object.fromEntries(startWords.filter((word) => /^[A-Z_]+=/.test(word)).map((word) => word.split('=', 2)));
const SERVER_FLAGS = startWords.filter((word) => word.startsWith('--')).join(' ');
/** Seconds per path with one connection, for the event-loop hold. */
const HOLD_SECONDS = 2;

const kept = process.env.BENCH_DB_FILE;
const dbFile = kept ?? tempDbFile();
// A kept database's seeding (its clock, how many tickets the API wrote) is noted beside it.
const seedFile = `${dbFile}.seed.json`;
const seeded = existsSync(seedFile) ? (JSON.parse(readFileSync(seedFile, 'utf8')) as { now: number; template: number }) : null;
const TEMPLATE = seeded?.template ?? SCALES[0]!;
const clock = new TestClock(seeded?.now ?? Date.now() - 5 * 24 * 3_600_000);
if (!seeded) {
  console.log(`seeding ${TEMPLATE.toLocaleString('en')} tickets through the API …`);
  await seedTickets(dbFile, clock, TEMPLATE);
  if (kept) writeFileSync(seedFile, JSON.stringify({ now: clock.now().getTime(), template: TEMPLATE }));
}

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
const holds = new Map<string, number[]>();
const rss: number[] = [];
try {
  for (const scale of SCALES) {
    const started = performance.now();
    const have = await growTo(dbFile, TEMPLATE, scale);
    console.log(`${have.toLocaleString('en')} tickets (grown in ${((performance.now() - started) / 1000).toFixed(0)} s)`);
    const child = fork(new URL('./scale-server.ts', import.meta.url), {
      // As `pnpm start` runs the server (apps/server/package.json), unless BENCH_SERVER_FLAGS says otherwise.
      execArgv: [...(process.env.BENCH_SERVER_FLAGS ?? SERVER_FLAGS).split(' ').filter(Boolean), '--import', 'tsx'],
      env: { ...SERVER_ENV, ...process.env, BENCH_DB_FILE: dbFile, BENCH_NOW: String(clock.now().getTime()) },
    });
    try {
      const { port } = await ask(child, null, 'listening');
      const origin = `http://127.0.0.1:${port}`;
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
        await ask(child, { kind: 'stats' }, 'stats'); // from here on: one request at a time
        await measure(target, HOLD_SECONDS, 1);
        const { longestStallMs } = await ask(child, { kind: 'stats' }, 'stats');
        holds.set(path.name, [...(holds.get(path.name) ?? []), Math.round(longestStallMs)]);
      }
      rss.push((await ask(child, { kind: 'stats' }, 'stats')).peakRssBytes);
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
  console.log(`\nlongest event-loop hold (ms), one connection, ${HOLD_SECONDS} s per path; target ≤ 50\n`);
  console.log(`| path | ${scales.join(' | ')} |`);
  console.log(`|---|${scales.map(() => '---|').join('')}`);
  for (const [name, ms] of holds) console.log(`| ${name} | ${ms.join(' | ')} |`);
} finally {
  if (!kept) removeDatabaseFile(dbFile);
}
