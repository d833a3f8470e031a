/**
 * Abuse: one customer floods the server with large batches (replies, and reads of a ticket
 * with a long thread) and single replies, while four people of another organisation read their
 * tickets at a person's pace (each a call every 200 ms). Prints the other organisation's latency
 * alone and under the flood. A plain script:
 *
 *   node --import tsx bench/abuse.ts              # BENCH_SECONDS=15
 *
 * The server is apps/server as a child process (its production limits and timeouts) on a temp
 * database on 127.0.0.1; the flood comes from another child process, so neither the server nor
 * the reader shares an event loop with it. Everything is removed at the end.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { signToken, type TokenClaims } from '@support-tickets/server';
import { removeDatabaseFile, seedInOneTransaction, tempDbFile } from '@support-tickets/server/testing';

const SECRET = 'bench-secret-0123456789abcdef';
const SECONDS = Math.min(Number(process.env.BENCH_SECONDS ?? 15), 60);
const REPO = fileURLToPath(new URL('..', import.meta.url));
const READERS = 4;
const READ_EVERY_MS = 200;
const victimClaims = (i: number): TokenClaims => ({ sub: `reader-${i}`, role: 'customer', org: 'quiet-org', name: `Reader ${i}` });
const floodClaims: TokenClaims = { sub: 'flooder', role: 'customer', org: 'loud-org', name: 'Flooder' };

if (process.argv[2] === 'flood') await flood(...(process.argv.slice(3) as [string, string, string, string]));
else await main();

async function main() {
  const dbFile = tempDbFile();
  const victimTickets: string[] = [];
  let longTicket = '';
  let shortTicket = '';
  await seedInOneTransaction(
    dbFile,
    () => new Date(),
    async (callerFor) => {
      for (let r = 0; r < READERS; r++) {
        const reader = await callerFor(victimClaims(r));
        for (let i = 0; i < 5; i++) victimTickets[r] = (await reader.ticket.create({ subject: `Quiet ${i}`, body: 'A question', category: 'technical' })).id;
      }
      const flooder = await callerFor(floodClaims);
      longTicket = (await flooder.ticket.create({ subject: 'Long thread', body: 'start', category: 'technical' })).id;
      for (let i = 0; i < 300; i++) await flooder.ticket.reply({ id: longTicket, body: `${i} ${'long message '.repeat(300)}` });
      shortTicket = (await flooder.ticket.create({ subject: 'Flood', body: 'start', category: 'technical' })).id;
    },
    { authSecret: SECRET },
  );
  const server = await startServer(dbFile);
  try {
    const readers = await Promise.all(victimTickets.map(async (id, r) => readerLoop(server.origin, await signToken(SECRET, victimClaims(r)), id)));
    const read = async (seconds: number) => {
      const runs = await Promise.all(readers.map((loop) => loop(seconds)));
      return { latencies: runs.flatMap((run) => run.latencies), failed: runs.reduce((n, run) => n + run.failed, 0) };
    };
    console.log(`alone (5 s):        ${summary(await read(5))}`);
    const flooder = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), 'flood', server.origin, await signToken(SECRET, floodClaims), longTicket, shortTicket], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, BENCH_SECONDS: String(SECONDS + 2) },
    });
    let flooded = '';
    flooder.stdout!.on('data', (chunk: Buffer) => (flooded += chunk.toString()));
    const done = new Promise<void>((resolve) => flooder.once('exit', () => resolve()));
    await read(1); // the flood gets going
    console.log(`under flood (${SECONDS} s): ${summary(await read(SECONDS))}`);
    await done;
    console.log(`the flood: ${flooded.trim()}`);
  } finally {
    await server.stop();
    removeDatabaseFile(dbFile);
  }
}

/** A reader: their ticket list and one ticket, in turn, a call every READ_EVERY_MS, timed. */
function readerLoop(origin: string, token: string, ticketId: string) {
  const headers = { authorization: `Bearer ${token}` };
  const urls = [`${origin}/trpc/ticket.list?input=${encodeURIComponent('{}')}`, `${origin}/trpc/ticket.get?input=${encodeURIComponent(JSON.stringify({ id: ticketId }))}`];
  return async (seconds: number) => {
    const latencies: number[] = [];
    let failed = 0;
    const until = Date.now() + seconds * 1000;
    for (let i = 0; Date.now() < until; i++) {
      const started = performance.now();
      const res = await fetch(urls[i % 2]!, { headers });
      await res.arrayBuffer();
      const took = performance.now() - started;
      latencies.push(took);
      if (!res.ok) failed++;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, READ_EVERY_MS - took)));
    }
    return { latencies, failed };
  };
}

function summary({ latencies, failed }: { latencies: number[]; failed: number }) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
  return `${sorted.length} calls, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${sorted.at(-1)!.toFixed(1)} ms, ${failed} failed`;
}

/** The flooder (a child process): big reply batches, big read batches and single replies, all at once. */
async function flood(origin: string, token: string, longTicket: string, shortTicket: string) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const statuses = new Map<number, number>();
  const until = Date.now() + Number(process.env.BENCH_SECONDS ?? 15) * 1000;
  const batch = (procedure: string, n: number) => `${origin}/trpc/${Array(n).fill(procedure).join(',')}?batch=1`;
  const inputs = (n: number, input: unknown) => JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, input])));
  // Made once: the flooder spends its time sending, not building requests.
  const replies = { url: batch('ticket.reply', 300), body: inputs(300, { id: shortTicket, body: 'flood '.repeat(10) }) };
  const reads = `${batch('ticket.get', 20)}&input=${encodeURIComponent(inputs(20, { id: longTicket }))}`;
  const reply = JSON.stringify({ id: shortTicket, body: 'one more' });
  const loops = [
    // 300 replies in one POST (25 KB), twice at once.
    () => fetch(replies.url, { method: 'POST', headers, body: replies.body }),
    () => fetch(replies.url, { method: 'POST', headers, body: replies.body }),
    // 20 reads of a ticket with 300 long messages in one GET.
    () => fetch(reads, { headers }),
    // Single replies as fast as they go.
    () => fetch(`${origin}/trpc/ticket.reply`, { method: 'POST', headers, body: reply }),
    () => fetch(`${origin}/trpc/ticket.reply`, { method: 'POST', headers, body: reply }),
  ];
  await Promise.all(
    loops.map(async (call) => {
      while (Date.now() < until) {
        try {
          const res = await call();
          await res.arrayBuffer();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        } catch {
          statuses.set(0, (statuses.get(0) ?? 0) + 1);
        }
      }
    }),
  );
  process.stdout.write(`${[...statuses].map(([status, n]) => `${n}× ${status || 'network error'}`).join(', ')}\n`);
}

/** apps/server on the database, as in production (AUTH_SECRET set), on a free port of 127.0.0.1. */
async function startServer(dbFile: string): Promise<{ origin: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: REPO,
    env: { ...process.env, DATABASE_URL: `file:${dbFile}`, PORT: '0', HOST: '127.0.0.1', AUTH_SECRET: SECRET, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const origin = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = /listening on http:\/\/[^\s:]+:(\d+)/.exec(output)?.[1];
      if (port) resolve(`http://127.0.0.1:${port}`);
    });
    void exited.then(() => reject(new Error(`the server did not start:\n${output}`)));
  });
  return {
    origin,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
