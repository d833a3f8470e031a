/**
 * What a header set once the handler has answered costs, over HTTP: Hono's `c.header` then
 * copies the answer into a new one whose body is a stream (as `hono/cors` does for `Vary`, and
 * as setting `c.res` over a placeholder does), where setting it on `c.res.headers` keeps the
 * answer as written. Two servers on 127.0.0.1, the same 13 KB JSON answer (a list page's
 * size), requests one after another on one kept-alive connection; CPU per request of this
 * process (client and server: the client's share is the same for both). A plain script:
 *
 *   node --import tsx bench/answer-headers.ts      # BENCH_CALLS=3000
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { Agent, get } from 'node:http';
import type { AddressInfo } from 'node:net';

const CALLS = Math.min(Number(process.env.BENCH_CALLS ?? 3_000), 50_000);
const ROUNDS = 8;
const answer = JSON.stringify({ result: { data: { items: Array.from({ length: 25 }, (_, i) => ({ id: `t${i}`, subject: 'x'.repeat(500) })) } } });

async function listen(copy: boolean): Promise<{ port: number; close(): void }> {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    if (copy) c.header('Cache-Control', 'no-store');
    else c.res.headers.set('Cache-Control', 'no-store');
  });
  app.get('/page', () => new Response(answer, { headers: { 'content-type': 'application/json' } }));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const request = (port: number) =>
  new Promise<number>((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: '/page', agent }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve(bytes));
    }).on('error', reject);
  });

async function cpuPerCall(port: number): Promise<number> {
  const before = process.cpuUsage();
  for (let i = 0; i < CALLS; i++) if ((await request(port)) !== answer.length) throw new Error('a short answer');
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / CALLS;
}

const servers = { 'c.header after the handler (copied)': await listen(true), 'c.res.headers.set (as written)': await listen(false) };
const runs = new Map<string, number[]>(Object.keys(servers).map((name) => [name, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, { port }] of Object.entries(servers)) runs.get(name)!.push(await cpuPerCall(port));
}
console.log(`${ROUNDS} interleaved rounds × ${CALLS} calls, a ${answer.length.toLocaleString('en')}-byte answer\n`);
console.log('| header set by | CPU per request: least | median |\n|---|---|---|');
for (const [name, values] of runs) {
  const sorted = [...values].sort((a, b) => a - b);
  console.log(`| ${name} | ${sorted[0]!.toFixed(3)} ms | ${sorted[Math.floor(sorted.length / 2)]!.toFixed(3)} ms |`);
}
for (const { close } of Object.values(servers)) close();
agent.destroy();
