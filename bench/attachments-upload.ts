/**
 * Attachments under load: 10 concurrent 10 MB uploads (each streamed without a length, as a
 * browser's chunked body) to one apps/server process on its own database. Prints the server's
 * resident memory before and at its peak (sampled from /proc every 20 ms) and the throughput.
 * A plain script:
 *
 *   node --import tsx bench/attachments-upload.ts       # BENCH_UPLOADS=10 BENCH_MB=10 BENCH_ROUNDS=3
 */
import { readFileSync } from 'node:fs';
import { signToken } from '@support-tickets/server';
import { createTestServer, removeDatabaseFile, tempDbFile } from '@support-tickets/server/testing';
import { startServerProcess } from '../test/helpers/server-process';
import { PEOPLE, SECRET } from '../test/helpers/server';

const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 10);
const MB = Math.min(Number(process.env.BENCH_MB ?? 10), 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BYTES = MB * 1024 * 1024;
const PIECE = 64 * 1024;

const rssMb = (pid: number) => {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0) / 1024;
};

/** A body of `BYTES` bytes made as it is read, in 64 KB pieces: the client holds almost nothing. */
function body(seed: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= BYTES) return controller.close();
      const piece = new Uint8Array(Math.min(PIECE, BYTES - sent)).fill((seed + sent / PIECE) % 251);
      sent += piece.byteLength;
      controller.enqueue(piece);
    },
  });
}

async function upload(origin: string, token: string, seed: number): Promise<void> {
  const res = await fetch(`${origin}/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'x-filename': `dump-${seed}.bin` },
    body: body(seed),
    duplex: 'half',
  } as RequestInit);
  if (res.status !== 201) throw new Error(`upload ${seed}: ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
}

const dbFile = tempDbFile();
await (await createTestServer({ dbFile })).close();
const server = await startServerProcess(dbFile, { NODE_ENV: 'production' });
try {
  const token = await signToken(SECRET, PEOPLE.customerA);
  // Warm-up: one small upload loads every module an upload needs.
  await upload(server.origin, token, 0);
  for (let round = 1; round <= ROUNDS; round++) {
    const before = rssMb(server.pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid))), 20);
    const started = performance.now();
    await Promise.all(Array.from({ length: UPLOADS }, (_, i) => upload(server.origin, token, round * 100 + i)));
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, rssMb(server.pid));
    console.log(
      `round ${round}: ${UPLOADS} × ${MB} MB in ${seconds.toFixed(2)} s = ${((UPLOADS * MB) / seconds).toFixed(1)} MB/s; ` +
        `server RSS ${before.toFixed(0)} MB → peak ${peak.toFixed(0)} MB (+${(peak - before).toFixed(0)} MB)`,
    );
  }
} finally {
  await server.stop();
  removeDatabaseFile(dbFile);
}
