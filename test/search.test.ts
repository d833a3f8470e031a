import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_CANDIDATES } from '@support-tickets/server';
import { NEW_TICKET, startServer, type Client, type TestServer } from './helpers/server';

// Full-text search (`ticket.list({ q })`) over subjects and message bodies, Persian and English:
// letter variants and the zero-width non-joiner, internal notes and tenancy, rank and paging.

let t: TestServer;
let agent: Client;
let customerA: Client;
let adminA: Client;
let customerB: Client;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startServer();
  agent = await t.as('agent');
  customerA = await t.as('customerA');
  adminA = await t.as('adminA');
  customerB = await t.as('customerB');
  const create = async (who: Client, key: string, subject: string, body = 'جزئیات در پیام بعدی') =>
    (ids[key] = (await who.ticket.create.mutate({ ...NEW_TICKET, subject, body })).id);
  await create(customerA, 'persian', 'سرور من راه‌اندازی نمی‌شود');
  await create(customerA, 'card', 'پرداخت با کارت بانکی', 'کارت من رد شد');
  await create(customerA, 'dns', 'DNS DNS zone not resolving', 'The DNS zone example.ir stopped answering');
  await create(customerA, 'disk', 'Slow volume', 'Our disk is full and the database stopped; the DNS is fine');
  await create(await t.as('customerA2'), 'colleague', 'Colleague asks about a kernel panic');
  await create(customerB, 'other-org', 'Kernel panic on boot, سرور دیگر راه اندازی نمیشود');
  await agent.ticket.reply.mutate({ id: ids.disk!, body: 'We found a kernel panic in the logs of your volume host.' });
  await agent.ticket.note.mutate({ id: ids.disk!, body: 'Internal: hypervisor-bug-4711 suspected' });
});
afterAll(() => t.stop({ removeFile: true }));

const search = async (who: Client, q: string, extra: Record<string, unknown> = {}) => (await who.ticket.list.query({ q, ...extra })).items;
const found = async (who: Client, q: string) => (await search(who, q)).map((i) => i.id).sort();

describe('search', () => {
  it('finds Persian words typed with or without the zero-width non-joiner, and with Arabic letters', async () => {
    expect(await found(customerA, 'راه‌اندازی')).toEqual([ids.persian]);
    expect(await found(customerA, 'راهاندازی')).toEqual([ids.persian]);
    expect(await found(customerA, 'نميشود')).toEqual([ids.persian]); // Arabic yeh, no ZWNJ
    expect(await found(customerA, 'كارت')).toEqual([ids.card]); // Arabic kaf
    expect(await found(customerA, 'انداز')).toEqual([ids.persian]); // part of a word
  });

  it('searches message bodies as well as subjects, and says where it matched with the words marked', async () => {
    const [hit, ...rest] = await search(customerA, 'kernel panic');
    expect(rest).toEqual([]);
    expect(hit!.id).toBe(ids.disk);
    expect(hit!.match!.field).toBe('message');
    expect(hit!.match!.excerpt.ranges.map(([a, b]) => hit!.match!.excerpt.text.slice(a, b))).toEqual(['kernel', 'panic']);
    const [subject] = await search(customerA, 'بانکی');
    expect(subject!.match).toEqual({ field: 'subject', excerpt: { text: 'پرداخت با کارت بانکی', ranges: [[15, 20]] } });
  });

  it('never lets a customer find a ticket by an internal note, while agents do', async () => {
    expect(await found(customerA, 'hypervisor-bug-4711')).toEqual([]);
    expect(await found(adminA, 'hypervisor')).toEqual([]);
    expect(await found(agent, 'hypervisor-bug-4711')).toEqual([ids.disk]);
  });

  it('keeps to what each person may see: their own tickets, their organisation for an admin, everything for agents', async () => {
    expect(await found(customerA, 'kernel')).toEqual([ids.disk]);
    expect(await found(adminA, 'kernel')).toEqual([ids.colleague, ids.disk].sort());
    expect(await found(customerB, 'kernel')).toEqual([ids['other-org']]);
    expect(await found(agent, 'kernel')).toEqual([ids.colleague, ids.disk, ids['other-org']].sort());
  });

  it('needs every word, and ranks the ticket that is most about them first', async () => {
    expect(await found(customerA, 'disk nothing-like-this')).toEqual([]);
    expect((await search(customerA, 'DNS')).map((i) => i.id)).toEqual([ids.dns, ids.disk]);
  });

  it('combines with the filters, and keeps the asked order', async () => {
    expect((await search(agent, 'kernel', { status: 'awaiting_customer' })).map((i) => i.id)).toEqual([ids.disk]);
    const kernel = new Set(await found(agent, 'kernel'));
    for (const sort of ['due', 'updated'] as const) {
      const listed = (await agent.ticket.list.query({ sort, limit: 100 })).items.map((i) => i.id).filter((id) => kernel.has(id));
      expect((await search(agent, 'kernel', { sort })).map((i) => i.id)).toEqual(listed);
    }
    // The customer's list order (the widget's): what waits on them first, however old.
    const customer = await t.as({ sub: 'order-1', role: 'customer', org: 'org-order' });
    const waiting = (await customer.ticket.create.mutate({ ...NEW_TICKET, subject: 'Mirror sync lagging' })).id;
    await agent.ticket.reply.mutate({ id: waiting, body: 'Which mirror is it?' });
    const newer = (await customer.ticket.create.mutate({ ...NEW_TICKET, subject: 'Mirror certificate expired' })).id;
    expect((await search(customer, 'mirror', { sort: 'attention' })).map((i) => i.id)).toEqual([waiting, newer]);
    expect((await search(customer, 'mirror', { sort: 'updated' })).map((i) => i.id)).toEqual([newer, waiting]);
  });

  it('pages through many matches without repeating one', async () => {
    const many = await t.as({ sub: 'many-1', role: 'customer', org: 'org-many' });
    const created = new Set<string>();
    for (let i = 0; i < 30; i++) created.add((await many.ticket.create.mutate({ ...NEW_TICKET, subject: `Backup failed ${i}` })).id);
    const first = await many.ticket.list.query({ q: 'backup', limit: 25 });
    expect(first.items).toHaveLength(25);
    const second = await many.ticket.list.query({ q: 'backup', limit: 25, cursor: first.nextCursor! });
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((i) => i.id))).toEqual(created);
    await expect(many.ticket.list.query({ cursor: first.nextCursor! })).rejects.toThrow(/cursor/);
  });

  it('finds a customer’s own ticket however many newer matches their colleagues wrote', async () => {
    // A search ranks the newest matching texts; a customer's are asked of the index on their own.
    const ana = await t.as({ sub: 'crowd-ana', role: 'customer', org: 'org-crowd' });
    const ben = await t.as({ sub: 'crowd-ben', role: 'customer', org: 'org-crowd' });
    const own = (await ana.ticket.create.mutate({ ...NEW_TICKET, subject: 'Quota exceeded on my bucket' })).id;
    for (let i = 0; i <= SEARCH_CANDIDATES; i++) await ben.ticket.create.mutate({ ...NEW_TICKET, subject: `Quota exceeded ${i}` });
    expect(await found(ana, 'quota')).toEqual([own]);
    expect((await ben.ticket.list.query({ q: 'quota' })).items).toHaveLength(25);
  });

  it('reads words shorter than three letters in subjects, and answers null matches outside a search', async () => {
    expect(await found(customerA, 'zo')).toEqual([ids.dns]);
    const plain = await customerA.ticket.list.query({});
    expect(plain.items.every((i) => i.match === null)).toBe(true);
  });
});
