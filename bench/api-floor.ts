/**
 * The floors the API is measured against: the same stack (Hono, tRPC through
 * `@hono/trpc-server`, drizzle-orm on libSQL, the same database file) doing the least a request
 * can do: a query reading one row, a mutation inserting one row. No token, no rules, no SLA.
 */
import { trpcServer } from '@hono/trpc-server';
import { createClient } from '@libsql/client';
import { initTRPC } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/libsql';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { Hono } from 'hono';
import { z } from 'zod';

const floorRows = sqliteTable('bench_floor', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  body: text('body').notNull(),
  at: integer('at').notNull(),
});

const t = initTRPC.create();

export async function createFloorApp(dbFile: string): Promise<{ app: Hono; close(): void }> {
  const client = createClient({ url: `file:${dbFile}` });
  await client.execute('PRAGMA journal_mode = WAL');
  await client.execute('PRAGMA busy_timeout = 5000');
  await client.execute('CREATE TABLE IF NOT EXISTS bench_floor (id integer PRIMARY KEY AUTOINCREMENT, body text NOT NULL, at integer NOT NULL)');
  await client.execute({ sql: 'INSERT INTO bench_floor (body, at) VALUES (?, ?)', args: ['seed row', Date.now()] });
  const db = drizzle(client);

  const router = t.router({
    read: t.procedure.input(z.object({ id: z.number().int() })).query(async ({ input }) => {
      return (await db.select().from(floorRows).where(eq(floorRows.id, input.id)).get()) ?? null;
    }),
    write: t.procedure.input(z.object({ body: z.string().max(10_000) })).mutation(async ({ input }) => {
      const [row] = await db.insert(floorRows).values({ body: input.body, at: Date.now() }).returning();
      return row!;
    }),
  });

  const app = new Hono();
  app.use('/trpc/*', trpcServer({ router, endpoint: '/trpc' }));
  return { app, close: () => client.close() };
}
