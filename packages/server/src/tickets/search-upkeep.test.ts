import { createClient } from '@libsql/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing';

const customer = { sub: 'cust-1', role: 'customer', org: 'org-1', orgName: 'Acme', name: 'Ava' } as const;

let test: TestServer;
beforeEach(async () => {
  test = await createTestServer();
});
afterEach(() => test.close({ removeFile: true }));

/** The search index's segments: FTS5 numbers each in the high bits of its pages' rowids. */
async function segments(): Promise<number> {
  const reader = createClient({ url: `file:${test.dbFile}` });
  try {
    const result = await reader.execute('SELECT count(DISTINCT rowid >> 37) AS n FROM ticket_search_data WHERE rowid >= (1 << 37)');
    return Number(result.rows[0]!['n']);
  } finally {
    reader.close();
  }
}

async function openTickets(count: number, word: string) {
  const api = await test.clientFor(customer);
  for (let i = 0; i < count; i++) {
    await api.ticket.create.mutate({ subject: `${word} ${i} does not answer`, body: `The ${word} stopped at ${i}.`, category: 'technical' });
  }
  return api;
}

const found = async (api: Awaited<ReturnType<typeof openTickets>>, q: string) => (await api.ticket.list.query({ q, limit: 100 })).items.map((t) => t.id).sort();

describe('merging the search index', () => {
  it('leaves one segment, and every search finds what it found before', async () => {
    const api = await openTickets(14, 'gateway');
    await api.ticket.create.mutate({ subject: 'Invoice is wrong', body: 'Charged twice.', category: 'financial' });
    expect(await segments()).toBeGreaterThan(1);
    const before = { gateway: await found(api, 'gateway'), invoice: await found(api, 'invoice'), stopped: await found(api, 'stopped at 3') };
    expect(before.gateway).toHaveLength(14);

    const steps = await test.server.mergeSearchIndex();
    expect(steps).toBeGreaterThan(0);
    expect(await segments()).toBe(1);
    expect({ gateway: await found(api, 'gateway'), invoice: await found(api, 'invoice'), stopped: await found(api, 'stopped at 3') }).toEqual(before);
    // Nothing left to merge: the next run writes nothing.
    expect(await test.server.mergeSearchIndex()).toBe(0);
  });

  it('runs beside writes: what they index is found, and the next merge leaves one segment', async () => {
    const api = await openTickets(10, 'router');
    const [, created] = await Promise.all([test.server.mergeSearchIndex(), openTickets(10, 'firewall')]);
    expect(await found(created, 'firewall')).toHaveLength(10);
    expect(await found(api, 'router')).toHaveLength(10);
    await test.server.mergeSearchIndex();
    expect(await segments()).toBe(1);
  });
});
