import { createClient } from '@libsql/client';
import { createSupportClient } from '@support-tickets/client';
import { signToken } from '@support-tickets/server';
import { createTestServer, removeDatabaseFile, tempDbFile } from '@support-tickets/server/testing';
import { describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from './helpers/server-process';
import { eventually, NEW_TICKET, PEOPLE, SECRET } from './helpers/server';

// SPEC §9: auto-close happens within a second of its due time, with one server process or
// three on one database. Real processes on the real clock; tickets fall due while sweeps run
// (a ticket due during a sweep used to wait out a fixed 5 s retry).

const AUTO_CLOSE_HOURS = 0.001; // 3.6 s after the agent reply
const DUE_AFTER_MS = AUTO_CLOSE_HOURS * 3_600_000;
const TICKETS = 40;

interface Closing {
  id: string;
  closed_at: number | null;
  closed_by: string | null;
  replied_at: number;
  closings: number;
}

async function closeWith(processes: number): Promise<Closing[]> {
  const dbFile = tempDbFile();
  // Migrated once before the processes start together.
  await (await createTestServer({ dbFile })).close();
  const servers: ServerProcess[] = [];
  const inspector = createClient({ url: `file:${dbFile}` });
  try {
    servers.push(...(await Promise.all(Array.from({ length: processes }, () => startServerProcess(dbFile, { AUTO_CLOSE_HOURS: String(AUTO_CLOSE_HOURS) })))));
    // Each ticket through the next process (each process's scheduler hears of its own replies),
    // by a customer and an agent of its own: the pace of a script, within everyone's rate limit.
    const as = async (claims: typeof PEOPLE.customerA | typeof PEOPLE.agent, i: number) =>
      createSupportClient({ url: servers[i % servers.length]!.origin, token: await signToken(SECRET, { ...claims, sub: `${claims.role}-${i}` }) });
    const ids: string[] = [];
    for (let i = 0; i < TICKETS; i++) ids.push((await (await as(PEOPLE.customerA, i)).ticket.create.mutate({ ...NEW_TICKET, subject: `Ticket ${i}` })).id);
    // The replies in one burst: due times milliseconds apart, so tickets keep falling due while a sweep runs.
    const agents = await Promise.all(ids.map((_, i) => as(PEOPLE.agent, i)));
    await Promise.all(ids.map((id, i) => agents[i]!.ticket.reply.mutate({ id, body: 'Fixed; please confirm.' })));
    const sql = `SELECT t.id, t.closed_at, t.closed_by,
        (SELECT max(e.at) FROM ticket_events e WHERE e.ticket_id = t.id AND e.kind = 'replied' AND e.actor = 'agent') AS replied_at,
        (SELECT count(*) FROM ticket_events e WHERE e.ticket_id = t.id AND e.kind = 'closed') AS closings
      FROM tickets t`;
    return await eventually(async () => {
      const rows = (await inspector.execute(sql)).rows as unknown as Closing[];
      return rows.length === TICKETS && rows.every((row) => row.closed_at !== null) ? rows : null;
    }, 30_000);
  } finally {
    inspector.close();
    const codes = await Promise.all(servers.map((s) => s.stop()));
    expect(codes).toEqual(servers.map(() => 0));
    removeDatabaseFile(dbFile);
  }
}

describe('auto-close punctuality', () => {
  it.each([1, 3])('closes tickets within a second of their due time, never before, once, with %i process(es)', async (processes) => {
    const rows = await closeWith(processes);
    const lateness = rows.map((row) => Number(row.closed_at) - (Number(row.replied_at) + DUE_AFTER_MS)).sort((a, b) => a - b);
    console.info(`${processes} process(es): lateness p50 ${lateness[Math.floor(TICKETS / 2)]} ms, max ${lateness.at(-1)} ms`);
    expect(rows.every((row) => row.closed_by === 'system' && Number(row.closings) === 1)).toBe(true);
    expect(lateness[0]).toBeGreaterThanOrEqual(0);
    // Most within the second; none near the 5 s a ticket due during a sweep used to wait. The
    // tail on a quiet machine (p99 ≈ 0.3 s) is bench/auto-close-lateness.ts's to measure: here a
    // busy machine's scheduling of three processes adds to it.
    expect(lateness[Math.floor(TICKETS / 2)]).toBeLessThan(1_000);
    expect(lateness.at(-1)).toBeLessThan(4_000);
  }, 90_000);
});
