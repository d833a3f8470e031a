import { createClient } from '@libsql/client';
import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '@support-tickets/server';
import { signToken } from '@support-tickets/server';
import { afterEach, describe, expect, it } from 'vitest';
import { NEW_TICKET, PEOPLE, SECRET, tempDbFile } from './helpers/server';
import { startServerProcess, type ServerProcess } from './helpers/server-process';

// Concurrent creates share one commit (group commit): a create is answered only once the commit
// holding it is done, so every answered create is in the file after a kill -9.

const processes: ServerProcess[] = [];
afterEach(async () => {
  await Promise.all(processes.splice(0).map((p) => p.stop()));
});

describe('ticket.create under kill -9', () => {
  it('keeps every create that was answered, from a burst of concurrent ones', { timeout: 60_000 }, async () => {
    const dbFile = tempDbFile();
    const server = await startServerProcess(dbFile);
    processes.push(server);
    const people = (['customerA', 'customerA2', 'customerB'] as const).map(async (who) => {
      const token = await signToken(SECRET, PEOPLE[who]);
      return createTRPCClient<AppRouter>({ links: [httpLink({ url: `${server.origin}/trpc`, headers: { authorization: `Bearer ${token}` } })] });
    });
    const clients = await Promise.all(people);
    const answered: string[] = [];
    let killing: Promise<void> | null = null;
    // Ten writers at once; the process dies while the others' creates are in flight.
    await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        while (!killing) {
          try {
            answered.push((await clients[i % clients.length]!.ticket.create.mutate({ ...NEW_TICKET, subject: `Burst ${i}` })).id);
          } catch {
            return; // cut off by the kill: not answered, so not promised
          }
          if (answered.length >= 40 && !killing) killing = server.kill();
        }
      }),
    );
    await killing;
    const db = createClient({ url: `file:${dbFile}` });
    try {
      const stored = new Set((await db.execute('SELECT id FROM tickets')).rows.map((row) => String(row.id)));
      expect(answered.length).toBeGreaterThanOrEqual(40);
      expect(answered.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      db.close();
    }
  });
});
