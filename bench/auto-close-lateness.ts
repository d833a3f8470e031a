/**
 * Auto-close lateness: 500 tickets fall due over 10 s (one every 20 ms) on one database, closed
 * by 1 and then 3 apps/server processes on the real clock. Prints how late each closed
 * (closed_at − due) at p50, p99 and max. A plain script:
 *
 *   node --import tsx bench/auto-close-lateness.ts        # BENCH_TICKETS=500 BENCH_PROCESSES=1,3
 */
import { createClient } from '@libsql/client';
import { removeDatabaseFile, seedInOneTransaction, TestClock, tempDbFile } from '@support-tickets/server/testing';
import { startServerProcess } from '../test/helpers/server-process';
import { SECRET } from '../test/helpers/server';

const TICKETS = Math.min(Number(process.env.BENCH_TICKETS ?? 500), 5_000);
const SPREAD_MS = 20;
const AUTO_CLOSE_HOURS = 0.01; // 36 s after the agent reply
const DUE_AFTER_MS = AUTO_CLOSE_HOURS * 3_600_000;
/** Time for seeding and for the processes to start before the first ticket falls due. */
const LEAD_MS = 45_000;

const PROCESSES = (process.env.BENCH_PROCESSES ?? '1,3').split(',').map(Number);

for (const processes of PROCESSES) {
  const dbFile = tempDbFile();
  const firstDue = Date.now() + LEAD_MS;
  // Replies in the past, as the tickets' histories: ticket i falls due at firstDue + i × SPREAD_MS.
  const clock = new TestClock(firstDue - DUE_AFTER_MS);
  await seedInOneTransaction(
    dbFile,
    clock.now,
    async (callerFor) => {
      const agent = await callerFor({ sub: 'agent', role: 'agent' });
      for (let i = 0; i < TICKETS; i++) {
        const customer = await callerFor({ sub: `customer-${i % 50}`, role: 'customer', org: `org-${i % 10}` });
        const { id } = await customer.ticket.create({ subject: `Ticket ${i}`, body: 'Down', category: 'technical' });
        await agent.ticket.reply({ id, body: 'Fixed; please confirm.' });
        clock.advance(SPREAD_MS);
      }
    },
    { autoCloseHours: AUTO_CLOSE_HOURS, authSecret: SECRET },
  );
  const servers = await Promise.all(
    Array.from({ length: processes }, () => startServerProcess(dbFile, { AUTO_CLOSE_HOURS: String(AUTO_CLOSE_HOURS), NODE_ENV: 'production' })),
  );
  const ready = Date.now();
  const inspector = createClient({ url: `file:${dbFile}` });
  try {
    const sql = `SELECT t.closed_at AS closed,
        (SELECT max(e.at) FROM ticket_events e WHERE e.ticket_id = t.id AND e.kind = 'replied') AS replied
      FROM tickets t`;
    let rows: Array<{ closed: number | null; replied: number }> = [];
    const deadline = firstDue + TICKETS * SPREAD_MS + 60_000;
    while (Date.now() < deadline) {
      rows = (await inspector.execute(sql)).rows as unknown as typeof rows;
      if (rows.every((row) => row.closed !== null)) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const lateness = rows.map((row) => (row.closed === null ? Infinity : Number(row.closed) - (Number(row.replied) + DUE_AFTER_MS))).sort((a, b) => a - b);
    const at = (q: number) => lateness[Math.min(lateness.length - 1, Math.floor(q * lateness.length))]!;
    console.log(
      `${processes} process${processes > 1 ? 'es' : ''}: ${TICKETS} tickets, lateness p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${lateness.at(-1)} ms` +
        (ready > firstDue ? ` (the processes were ready ${ready - firstDue} ms after the first due time)` : ''),
    );
  } finally {
    inspector.close();
    await Promise.all(servers.map((server) => server.stop()));
    removeDatabaseFile(dbFile);
  }
}
