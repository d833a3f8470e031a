/**
 * The server the scale bench loads, in a process of its own so its memory and event loop are
 * its alone. Started by `scale.ts` with `fork`; talks over the IPC channel: it sends
 * `{ port }` once listening, answers `{ token, claims }` with a signed token, and `stats` with
 * its peak RSS and the longest the event loop was held since the last `stats`.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import type { TokenClaims } from '@support-tickets/server';
import { createTestServer, TestClock } from '@support-tickets/server/testing';

export type ServerRequest = { kind: 'token'; claims: TokenClaims } | { kind: 'stats' };
export type ServerReply = { kind: 'listening'; port: number } | { kind: 'token'; token: string } | { kind: 'stats'; peakRssBytes: number; longestStallMs: number };

const send = (reply: ServerReply) => process.send!(reply);

/**
 * The process's own high-water mark of resident memory (VmHWM). Not `resourceUsage().maxRSS`:
 * that one keeps the forking parent's size across exec.
 */
const peakRss = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) * 1024;

const test = await createTestServer({ dbFile: process.env.BENCH_DB_FILE!, clock: new TestClock(Number(process.env.BENCH_NOW)) });
// The search index as the server's daily upkeep leaves it (the bulk copies left it in segments).
await test.server.mergeSearchIndex();
const listener = serve({ fetch: test.app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise<void>((resolve) => listener.once('listening', () => resolve()));
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
process.on('message', async (request: ServerRequest) => {
  if (request.kind === 'token') return send({ kind: 'token', token: await test.token(request.claims) });
  send({ kind: 'stats', peakRssBytes: peakRss(), longestStallMs: loop.max / 1e6 });
  loop.reset();
});
process.once('disconnect', () => void test.close().finally(() => process.exit(0)));
send({ kind: 'listening', port: (listener.address() as AddressInfo).port });
