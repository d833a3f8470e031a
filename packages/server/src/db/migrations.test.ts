import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './client';
import { MIGRATIONS_FOLDER, runMigrations } from './migrate';

// Migrations that carry data forward: a database made before them comes out whole.

let handle: DatabaseHandle | null = null;
let folder: string | null = null;
afterEach(() => {
  handle?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
  handle = folder = null;
});

/** The committed migrations up to (not including) `tag`, as a folder the migrator reads. */
function migrationsBefore(tag: string): string {
  folder = mkdtempSync(join(tmpdir(), 'support-tickets-migrations-'));
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: Array<{ tag: string }> };
  const index = journal.entries.findIndex((entry) => entry.tag === tag);
  if (index < 0) throw new Error(`No migration ${tag}.`);
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, index) }));
  return folder;
}

/** Tickets and messages written by hand, as every schema since 0005 takes them; a ticket's number and creation time follow its place in line. */
function writer(client: DatabaseHandle['db']['$client']) {
  let made = 0;
  return {
    ticket: (id: string, org: string, subject: string, createdBy = 'u') =>
      client.execute({
        sql: `INSERT INTO tickets (id, number, org_id, subject, category, priority, status, created_by, created_by_name, created_at, updated_at, public_updated_at)
              VALUES (?, ?, ?, ?, 'technical', 'normal', 'awaiting_response', ?, 'U', ?, 0, 0)`,
        args: [id, 1000 + ++made, org, subject, createdBy, made],
      }),
    message: (id: string, ticketId: string, visibility: string, body: string) =>
      client.execute({
        sql: `INSERT INTO messages (id, ticket_id, author_id, author_name, author_role, visibility, body, created_at) VALUES (?, ?, 'a', 'A', 'agent', ?, ?, 0)`,
        args: [id, ticketId, visibility, body],
      }),
    /** What holds "disk" within a scope (`scope`: SQL giving the scope's token), in the order indexed. */
    holdingDisk: async (scope: string, args: Array<string>) =>
      (
        await client.execute({
          sql: `SELECT coalesce(message_id, ticket_id) AS what FROM ticket_search WHERE ticket_search MATCH 'body : "disk" AND scope : "' || ${scope} || '"' ORDER BY rowid`,
          args,
        })
      ).rows.map((r) => r.what),
  };
}

describe('0005_ticket_numbers_and_team', () => {
  it('numbers existing tickets from 1001 in the order they were opened, and new ones after them', async () => {
    handle = await openDatabase();
    await migrate(handle.db, { migrationsFolder: migrationsBefore('0005_ticket_numbers_and_team') });
    const client = handle.db.$client;
    await client.execute(`INSERT INTO organisations (id, name, plan_id, created_at, updated_at) VALUES ('o', 'O', 'developer', 0, 0)`);
    // UUIDv7 ids sort by creation; inserted out of that order on purpose.
    for (const id of ['0190-c', '0190-a', '0190-b']) {
      await client.execute({
        sql: `INSERT INTO tickets (id, org_id, subject, category, priority, status, created_by, created_by_name, created_at, updated_at, public_updated_at)
              VALUES (?, 'o', 's', 'technical', 'normal', 'awaiting_response', 'u', 'U', 0, 0, 0)`,
        args: [id],
      });
    }
    await runMigrations(handle);
    const rows = (await client.execute('SELECT id, number FROM tickets ORDER BY id')).rows.map((r) => [r.id, Number(r.number)]);
    expect(rows).toEqual([
      ['0190-a', 1001],
      ['0190-b', 1002],
      ['0190-c', 1003],
    ]);
    await expect(client.execute(`UPDATE tickets SET number = 1001 WHERE id = '0190-b'`)).rejects.toThrow(/UNIQUE/);
  });
});

describe('0010_search_scope_keys', () => {
  it('keys existing organisations in the order they came, re-scopes their indexed texts, and scopes new ones', async () => {
    handle = await openDatabase();
    await migrate(handle.db, { migrationsFolder: migrationsBefore('0010_search_scope_keys') });
    const client = handle.db.$client;
    const { ticket, message, holdingDisk } = writer(client);
    // Ids that share most of their trigrams, as real ones do; the second came first.
    await client.execute(`INSERT INTO organisations (id, name, plan_id, created_at, updated_at) VALUES ('org-12', 'B', 'developer', 2, 2), ('org-11', 'A', 'developer', 1, 1)`);
    await ticket('t1', 'org-11', 'disk full');
    await ticket('t2', 'org-12', 'disk slow');
    await message('m1', 't1', 'public', 'the disk again');
    await message('m2', 't1', 'internal', 'disk note');
    await runMigrations(handle);

    const keys = (await client.execute('SELECT id, search_key FROM organisations ORDER BY search_key')).rows.map((r) => [r.id, Number(r.search_key)]);
    expect(keys).toEqual([
      ['org-11', 1],
      ['org-12', 2],
    ]);
    await client.execute(`INSERT INTO organisations (id, name, plan_id, created_at, updated_at) VALUES ('org-13', 'C', 'developer', 3, 3)`);
    await ticket('t3', 'org-13', 'disk gone');
    const found = (org: string, visibility: 'p' | 'i') => holdingDisk('(SELECT search_scope FROM organisations WHERE id = ?) || ?', [org, visibility]);
    expect(await found('org-11', 'p')).toEqual(['t1', 'm1']);
    expect(await found('org-11', 'i')).toEqual(['m2']);
    expect(await found('org-12', 'p')).toEqual(['t2']);
    expect(await found('org-13', 'p')).toEqual(['t3']);
  });
});

describe('0012_search_creator_scope', () => {
  it('keys each customer who opened a ticket, and scopes their public texts, old and new, to them', async () => {
    handle = await openDatabase();
    await migrate(handle.db, { migrationsFolder: migrationsBefore('0012_search_creator_scope') });
    const client = handle.db.$client;
    const { ticket, message, holdingDisk } = writer(client);
    await client.execute(`INSERT INTO organisations (id, name, plan_id, created_at, updated_at) VALUES ('org-1', 'O', 'developer', 1, 1)`);
    await ticket('t1', 'org-1', 'disk full', 'ana');
    await ticket('t2', 'org-1', 'disk slow', 'ben');
    await message('m1', 't1', 'public', 'the disk again');
    await message('m2', 't1', 'internal', 'disk note');
    await runMigrations(handle);

    const keys = (await client.execute('SELECT created_by, key FROM search_creators ORDER BY key')).rows.map((r) => [r.created_by, Number(r.key)]);
    expect(keys).toEqual([
      ['ana', 1],
      ['ben', 2],
    ]);
    await ticket('t3', 'org-1', 'disk gone', 'cleo'); // a customer's first ticket keys them
    await message('m3', 't2', 'public', 'disk replaced');
    const found = (by: string) => holdingDisk(`(SELECT scope FROM search_creators WHERE org_id = 'org-1' AND created_by = ?)`, [by]);
    expect(await found('ana')).toEqual(['t1', 'm1']);
    expect(await found('ben')).toEqual(['t2', 'm3']);
    expect(await found('cleo')).toEqual(['t3']);
    // The organisation's scope still holds them all, its internal note apart.
    expect(await holdingDisk(`(SELECT search_scope FROM organisations WHERE id = ?) || 'p'`, ['org-1'])).toEqual(['t1', 't2', 'm1', 't3', 'm3']);
  });
});
