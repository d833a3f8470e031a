import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '@libsql/client';
import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '@support-tickets/server';
import { signToken } from '@support-tickets/server';
import { PEOPLE, SECRET, NEW_TICKET, tempDbFile } from './helpers/server';
import { startServerProcess, type ServerProcess } from './helpers/server-process';
import { startReceiver } from './helpers/webhook-receiver';

// The outbox across real server processes on one database file: at least once through a
// kill -9, and never one attempt twice from two processes.

const processes: ServerProcess[] = [];
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(processes.splice(0).map((p) => p.stop()));
  await Promise.all(cleanups.splice(0).map((fn) => fn()));
});

async function start(dbFile: string, env: Record<string, string> = {}) {
  const process = await startServerProcess(dbFile, { WEBHOOK_ALLOW_PRIVATE: '1', ...env });
  processes.push(process);
  return process;
}

async function client(origin: string, who: keyof typeof PEOPLE) {
  const token = await signToken(SECRET, PEOPLE[who]);
  return createTRPCClient<AppRouter>({ links: [httpLink({ url: `${origin}/trpc`, headers: { authorization: `Bearer ${token}` } })] });
}

/** Polls the database file until `expected` deliveries are delivered; answers how many attempts were recorded. */
async function settled(dbFile: string, expected: number): Promise<number> {
  const db = createClient({ url: `file:${dbFile}` });
  try {
    for (const until = Date.now() + 20_000; Date.now() < until; ) {
      const { rows } = await db.execute("SELECT count(*) AS n FROM deliveries WHERE status = 'delivered'");
      if (Number(rows[0]!.n) === expected) return Number((await db.execute('SELECT count(*) AS n FROM delivery_attempts')).rows[0]!.n);
      await new Promise((done) => setTimeout(done, 50));
    }
    throw new Error('the deliveries never settled');
  } finally {
    db.close();
  }
}

describe('webhooks across processes', () => {
  it('deliver after a kill -9 between the change and the delivery', { timeout: 60_000 }, async () => {
    const dbFile = tempDbFile();
    let arrived: () => void;
    const firstArrived = new Promise<void>((resolve) => (arrived = resolve));
    // The first attempt hangs (the process dies holding it); later ones are answered.
    const receiver = await startReceiver((n) => (n === 1 ? (arrived(), { status: 200, delayMs: 30_000 }) : { status: 204 }));
    cleanups.push(receiver.close);
    // A short timeout, hence a short lease: the next process takes over within seconds.
    const first = await start(dbFile, { WEBHOOK_TIMEOUT_MS: '1000' });
    const created = await (await client(first.origin, 'agent')).webhook.create.mutate({ url: receiver.url });
    receiver.useSecret(created.secret);
    const ticket = await (await client(first.origin, 'customerA')).ticket.create.mutate(NEW_TICKET);
    await firstArrived;
    await first.kill();
    processes.splice(processes.indexOf(first), 1);

    await start(dbFile);
    await receiver.until(() => receiver.received.some((w) => w.status === 204));
    const delivered = receiver.received.find((w) => w.status === 204)!;
    expect(delivered.payload).toMatchObject({ type: 'ticket.created', data: { ticket: { id: ticket.id } } });
  });

  it('send each attempt once when two processes share the database', { timeout: 60_000 }, async () => {
    const dbFile = tempDbFile();
    const receiver = await startReceiver();
    cleanups.push(receiver.close);
    const [a, b] = [await start(dbFile), await start(dbFile)];
    const created = await (await client(a.origin, 'agent')).webhook.create.mutate({ url: receiver.url });
    receiver.useSecret(created.secret);
    const customers = [await client(a.origin, 'customerA'), await client(b.origin, 'customerA')];
    await Promise.all(Array.from({ length: 20 }, (_, i) => customers[i % 2]!.ticket.create.mutate({ ...NEW_TICKET, subject: `Outage ${i}` })));
    const attempts = await settled(dbFile, 20);
    // Every attempt the processes recorded reached the receiver once, and no other request did.
    expect(receiver.received).toHaveLength(attempts);
    expect(new Set(receiver.received.map((w) => w.id)).size).toBe(20);
    expect(attempts).toBe(20);
  });
});
