import { DEFAULT_CALENDAR } from '@support-tickets/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { silentLogger } from '../logger';
import { ensureOrganisation } from '../orgs/service';
import type { Caller } from '../shared/caller';
import { createServiceDeps, type ServiceDeps } from '../shared/deps';
import { pageOfIds } from './list-page';
import { actOnTicket, createTicket } from './service';

const expiresAt = new Date(Date.now() + 3_600_000);
const ana: Caller = { userId: 'ana', role: 'customer', orgId: 'org-1', name: 'Ana', orgName: null, email: null, locale: null, expiresAt };
const ben: Caller = { ...ana, userId: 'ben', name: 'Ben' };
const admin: Caller = { ...ana, userId: 'admin', role: 'org_admin', name: 'Admin' };
const other: Caller = { ...ana, userId: 'olga', orgId: 'org-2', name: 'Olga' };
const agent: Caller = { userId: 'agent', role: 'agent', orgId: null, name: 'Agent', orgName: null, email: null, locale: null, expiresAt };

let deps: ServiceDeps;
const ids: Record<string, string> = {};
const now = new Date('2026-05-20T06:00:00Z');

beforeAll(async () => {
  const database = await openDatabase();
  await runMigrations(database);
  deps = createServiceDeps(database, { now: () => now, autoCloseHours: 48, defaultCalendar: DEFAULT_CALENDAR, log: silentLogger });
  for (const [name, caller] of Object.entries({ ana, ben, olga: other })) {
    await ensureOrganisation(deps, caller);
    const created = await createTicket(deps, caller, { subject: `${name}'s ticket`, body: 'Body', category: 'technical' });
    if (!created.ok) throw new Error(created.error.message);
    ids[name] = created.value.id;
  }
  await actOnTicket(deps, agent, ids['ana']!, { type: 'reply', body: 'Answer' });
});
afterAll(() => deps.database.close());

// A search's page and a bulk action's tickets are read by id: the ids come from elsewhere, so
// what the caller may see is asked again here.
describe('a page of tickets by id', () => {
  const subjects = async (caller: Caller, wanted: string[]) => (await pageOfIds(deps.database.db, caller, wanted, now)).rows.map((row) => row.subject);

  it('comes in the order of the ids', async () => {
    expect(await subjects(agent, [ids['olga']!, ids['ana']!, ids['ben']!])).toEqual(["olga's ticket", "ana's ticket", "ben's ticket"]);
    expect(await subjects(agent, [ids['ben']!, ids['olga']!])).toEqual(["ben's ticket", "olga's ticket"]);
  });

  it('leaves out what the caller may not see', async () => {
    const all = [ids['ana']!, ids['ben']!, ids['olga']!];
    expect(await subjects(ana, all)).toEqual(["ana's ticket"]);
    expect(await subjects(admin, all)).toEqual(["ana's ticket", "ben's ticket"]);
    expect(await subjects(other, all)).toEqual(["olga's ticket"]);
    expect(await subjects(ana, ['no-such-ticket'])).toEqual([]);
  });

  it('brings each ticket’s cycles, and for agents its organisation', async () => {
    const page = await pageOfIds(deps.database.db, agent, [ids['ana']!], now);
    const cycles = page.parts.cycles.get(ids['ana']!) ?? [];
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.respondedAt).toEqual(now);
    expect(page.parts.orgs.get('org-1')).toMatchObject({ planId: expect.any(String) });
    const asCustomer = await pageOfIds(deps.database.db, ana, [ids['ana']!], now);
    expect(asCustomer.parts.cycles.get(ids['ana']!)).toHaveLength(1);
    expect(asCustomer.parts.orgs.size).toBe(0);
  });
});
