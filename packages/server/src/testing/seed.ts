import { DEFAULT_CALENDAR } from '@support-tickets/core';
import type { TokenClaims } from '../auth/token';
import { openDatabase, type Database, type DatabaseHandle } from '../db/client';
import { runMigrations } from '../db/migrate';
import { createEventIdSeal } from '../live/event-ids';
import { createEventFollower } from '../live/follower';
import { silentLogger } from '../logger';
import { createServiceDeps } from '../shared/deps';
import { callerOf, TEST_AUTH_SECRET, type ApiCaller } from './server';

/**
 * Seeds a database file fast, through the real procedures (so core decides every state and due
 * time) but inside ONE transaction: a commit per call (an fsync each) would make a thousand
 * tickets take half a minute. `seed` gets a `callerFor(claims)`; every write is a savepoint of
 * the one transaction, committed at the end (rolled back if `seed` throws).
 *
 * @example
 * await seedInOneTransaction(dbFile, clock.now, async (callerFor) => {
 *   const customer = await callerFor({ sub: 'c1', role: 'customer', org: 'acme' });
 *   await customer.ticket.create({ subject: 'VM down', body: 'Since 10:00', category: 'technical' });
 * });
 */
export async function seedInOneTransaction(
  dbFile: string,
  now: () => Date,
  seed: (callerFor: (claims: TokenClaims) => Promise<ApiCaller>) => Promise<void>,
  options: { autoCloseHours?: number; authSecret?: string } = {},
): Promise<void> {
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
      const authSecret = options.authSecret ?? TEST_AUTH_SECRET;
      const deps = createServiceDeps(inside, {
        now,
        autoCloseHours: options.autoCloseHours ?? 48,
        defaultCalendar: DEFAULT_CALENDAR,
        log: silentLogger,
        authSecret,
      });
      // Nobody subscribes while seeding: the follower never reads.
      const follower = createEventFollower({ database: inside, changes: deps.changes, log: silentLogger });
      await seed((claims) => callerOf({ ...deps, follower, eventIds: createEventIdSeal(authSecret) }, authSecret, claims));
      await follower.close();
    });
  } finally {
    database.close();
  }
}
