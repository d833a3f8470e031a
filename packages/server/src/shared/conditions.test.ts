import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle, type Queryable } from '../db/client';
import { runMigrations } from '../db/migrate';
import { tickets } from '../db/schema';
import { Conditions, onlyPlaceholders, placeholderList } from './conditions';
import { preparedOn } from './prepared';
import { visibleTickets } from './tenancy';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openDatabase();
  await runMigrations(database);
});
afterAll(() => database.close());

describe('Conditions', () => {
  it('names its shape by the conditions added, and keeps their values apart from the SQL', () => {
    const where = new Conditions();
    where.add('status', eq(tickets.status, where.param('status', 'closed')));
    where.add('nothing', undefined);
    where.add('org', eq(tickets.orgId, where.param('orgId', 'acme')));
    expect(where.shape).toBe('status org');
    expect(where.values).toEqual({ status: 'closed', orgId: 'acme' });
    const query = database.db.select().from(tickets).where(and(...where.list)).prepare();
    expect(query.getQuery().sql).not.toContain('acme');
  });

  it('makes a customer’s tenancy condition take their organisation and id as placeholders', () => {
    const where = new Conditions();
    where.add('visible', visibleTickets({ role: 'customer', orgId: 'acme', userId: 'sara' }, where.param));
    expect(where.values).toEqual({ viewerOrg: 'acme', viewerUser: 'sara' });
    expect(() => onlyPlaceholders(database.db.select().from(tickets).where(and(...where.list)).prepare())).not.toThrow();
  });
});

describe('onlyPlaceholders', () => {
  it('refuses a statement that kept a value in its text, so one caller’s value is never reused for the next', () => {
    const literal = database.db.select().from(tickets).where(eq(tickets.orgId, 'acme')).prepare();
    expect(() => onlyPlaceholders(literal)).toThrow(/not as a placeholder/);
  });
});

describe('placeholderList', () => {
  it('serves every IN list of one length with one statement, each call with its own values', async () => {
    const ids = (values: string[]) => placeholderList('id', values);
    const first = ids(['a', 'b']);
    const second = ids(['c', 'd']);
    expect(first.values).toEqual({ id0: 'a', id1: 'b' });
    const build = (list: typeof first.list) => (db: Queryable) => db.select({ id: tickets.id }).from(tickets).where(inArray(tickets.id, list)).prepare();
    const a = preparedOn(database.db, 'test.in 2', build(first.list));
    const b = preparedOn(database.db, 'test.in 2', build(second.list));
    expect(b).toBe(a);
    expect(await a.all(second.values)).toEqual([]);
  });
});
