// Seeding many tickets fast, through the real service (so core decides every state and due
// time) but inside ONE database transaction: per-ticket commits (an fsync each) would make a
// 1,000-ticket test take half a minute. Reaches into the server's internals on purpose; tests only.
import { DEFAULT_CALENDAR } from '@support-tickets/core';
import { openDatabase, type Database, type DatabaseHandle } from '../../packages/server/src/db/client';
import { runMigrations } from '../../packages/server/src/db/migrate';
import { silentLogger } from '../../packages/server/src/logger';
import { createChangeFeed, type ServiceDeps } from '../../packages/server/src/tickets/deps';

export { ensureOrganisation, setPlan } from '../../packages/server/src/orgs/service';
export { actOnTicket, createTicket } from '../../packages/server/src/tickets/service';
export type { ServiceDeps };

/** A ticket's status and priority as stored (cheaper than ticket.get for bookkeeping). */
export async function ticketState(deps: ServiceDeps, id: string) {
  const row = await deps.database.db.query.tickets.findFirst({
    columns: { orgId: true, status: true, priority: true },
    where: (ticket, { eq }) => eq(ticket.id, id),
  });
  if (!row) throw new Error(`No ticket ${id}.`);
  return row;
}

/**
 * Runs `seed` with service dependencies whose every write is a savepoint of one transaction on
 * `dbFile`, committed at the end (rolled back if `seed` throws).
 */
export async function seedInOneTransaction(dbFile: string, now: () => Date, seed: (deps: ServiceDeps) => Promise<void>): Promise<void> {
  const database = await openDatabase({ url: `file:${dbFile}` });
  try {
    await runMigrations(database);
    await database.db.transaction(async (tx) => {
      const inside: DatabaseHandle = {
        ...database,
        db: tx as unknown as Database,
        write: (fn) => tx.transaction(fn),
        exclusive: (fn) => fn(),
      };
      await seed({
        database: inside,
        now,
        autoCloseHours: 48,
        defaultCalendar: DEFAULT_CALENDAR,
        changes: createChangeFeed(silentLogger),
        knownOrgs: new Set(),
        log: silentLogger,
      });
    });
  } finally {
    database.close();
  }
}
