import { DEFAULT_CALENDAR } from '@support-tickets/core';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/client';
import { runMigrations } from '../db/migrate';
import { people } from '../db/schema';
import { silentLogger } from '../logger';
import { SYSTEM_CALLER, type Caller } from '../shared/caller';
import { createServiceDeps } from '../shared/deps';
import { createTestServer, TestClock, type TestServer } from '../testing';
import { LAST_SEEN_REFRESH_MS, recordPerson } from './record';

const customer = { sub: 'c1', role: 'customer', org: 'acme', name: 'Cyrus', email: 'Cyrus@Example.com', locale: 'en' } as const;

let t: TestServer | null = null;
let handle: DatabaseHandle | null = null;
afterEach(async () => {
  await t?.close({ removeFile: true });
  handle?.close();
  t = handle = null;
});

describe('me.get and me.notifications', () => {
  it('know the person as their latest token says, with mail on by default', async () => {
    t = await createTestServer();
    const me = await (await t.callerFor(customer)).me.get();
    expect(me).toEqual({
      id: 'c1',
      role: 'customer',
      orgId: 'acme',
      name: 'Cyrus',
      email: 'cyrus@example.com',
      locale: 'en',
      notifications: { email: true },
      resources: [],
    });
    // A later token renames; one without email or locale keeps what was known.
    const later = await (await t.callerFor({ sub: 'c1', role: 'customer', org: 'acme', name: 'Cyrus K' })).me.get();
    expect(later).toMatchObject({ name: 'Cyrus K', email: 'cyrus@example.com', locale: 'en' });
  });

  it('turn mail off and on, and no token turns it back on', async () => {
    t = await createTestServer();
    const asCustomer = await t.callerFor(customer);
    expect(await asCustomer.me.notifications({ email: false })).toMatchObject({ notifications: { email: false } });
    const again = await t.callerFor({ ...customer, name: 'Cyrus K', email: 'new@example.com' });
    expect(await again.me.get()).toMatchObject({ name: 'Cyrus K', email: 'new@example.com', notifications: { email: false } });
    expect(await again.me.notifications({ email: true })).toMatchObject({ notifications: { email: true } });
  });

  it('keeps people of different organisations with the same sub apart, and agents by role', async () => {
    t = await createTestServer();
    await (await t.callerFor({ sub: 'u1', role: 'customer', org: 'acme', name: 'Acme U1' })).me.notifications({ email: false });
    const other = await (await t.callerFor({ sub: 'u1', role: 'customer', org: 'globex', name: 'Globex U1' })).me.get();
    expect(other).toMatchObject({ orgId: 'globex', name: 'Globex U1', locale: 'fa', email: null, notifications: { email: true } });
    const agent = await (await t.callerFor({ sub: 'a1', role: 'agent', name: 'Azar' })).me.get();
    expect(agent).toMatchObject({ id: 'a1', role: 'agent', orgId: null });
  });

  it('refuses a bad input without changing anything', async () => {
    t = await createTestServer();
    const asCustomer = await t.callerFor(customer);
    // @ts-expect-error not a boolean
    await expect(asCustomer.me.notifications({ email: 'no' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await asCustomer.me.get()).toMatchObject({ notifications: { email: true } });
  });
});

describe('recordPerson', () => {
  const caller = (over: Partial<Caller> = {}): Caller => ({
    userId: 'c1', role: 'customer', orgId: 'acme', name: 'Cyrus', orgName: null, email: null, locale: null, expiresAt: null, ...over,
  });

  async function countingDeps(clock: TestClock) {
    handle = await openDatabase();
    await runMigrations(handle);
    let writes = 0;
    const write = handle.write;
    const counted: DatabaseHandle = { ...handle, write: (fn) => (writes++, write(fn)) };
    const deps = createServiceDeps(counted, { now: clock.now, autoCloseHours: 48, defaultCalendar: DEFAULT_CALENDAR, log: silentLogger });
    return { deps, writes: () => writes };
  }

  it('writes only when the token says something new, or last seen has grown stale', async () => {
    const clock = new TestClock('2026-05-20T06:00:00Z');
    const { deps, writes } = await countingDeps(clock);
    for (let i = 0; i < 5; i++) await recordPerson(deps, caller());
    expect(writes()).toBe(1);
    await recordPerson(deps, caller({ email: 'c@example.com' }));
    expect(writes()).toBe(2);
    clock.advance(LAST_SEEN_REFRESH_MS);
    await recordPerson(deps, caller({ email: 'c@example.com' }));
    expect(writes()).toBe(3);
    await recordPerson(deps, SYSTEM_CALLER);
    expect(writes()).toBe(3);
    const [row] = await deps.database.db.select().from(people);
    expect(row).toMatchObject({ id: 'c1', orgId: 'acme', email: 'c@example.com', locale: 'fa', lastSeenAt: clock.now() });
  });
});
