import { createClient } from '@libsql/client';
import { createSupportClient } from '@support-tickets/client';
import { signToken } from '@support-tickets/server';
import { createTestServer, removeDatabaseFile, tempDbFile } from '@support-tickets/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from './helpers/server-process';
import { NEW_TICKET, PEOPLE, SECRET, startServer, type Client, type TestServer } from './helpers/server';

// SPEC §8: every ticket has a short sequential number a person can say on the phone (#1042),
// unique across server processes, and the queue finds a ticket by it.

describe('ticket numbers in one process', () => {
  let t: TestServer;
  let customer: Client;
  let agent: Client;
  beforeAll(async () => {
    t = await startServer();
    customer = await t.as('customerA');
    agent = await t.as('agent');
  });
  afterAll(() => t.stop({ removeFile: true }));

  it('numbers tickets 1001, 1002, … in the order they are opened, in every answer', async () => {
    const first = await customer.ticket.create.mutate({ ...NEW_TICKET, subject: 'First' });
    const second = await (await t.as('customerB')).ticket.create.mutate({ ...NEW_TICKET, subject: 'Second' });
    expect([first.number, second.number]).toEqual([1001, 1002]);
    expect((await agent.ticket.get.query({ id: first.id })).number).toBe(1001);
    const { items } = await customer.ticket.list.query();
    expect(items.map((ticket) => ticket.number)).toEqual([1001]);
    expect((await agent.ticket.reply.mutate({ id: first.id, body: 'On it.' })).number).toBe(1001);
  });

  it('finds a ticket by #number or a bare number, besides subjects containing the text', async () => {
    const numbered = await customer.ticket.create.mutate({ ...NEW_TICKET, subject: 'Invoice 1001 is wrong' });
    const exact = await agent.ticket.list.query({ q: '#1001' });
    expect(exact.items.map((ticket) => ticket.number)).toEqual([1001]);
    const bare = await agent.ticket.list.query({ q: '1001' });
    expect(bare.items.map((ticket) => ticket.number).sort()).toEqual([1001, numbered.number]);
    expect((await agent.ticket.list.query({ q: '#۱۰۰۱' })).items.map((ticket) => ticket.number)).toEqual([1001]);
  });

  it('never finds another organisation’s ticket by its number', async () => {
    const foreign = await (await t.as('customerB')).ticket.list.query();
    const number = foreign.items[0]!.number;
    expect((await customer.ticket.list.query({ q: `#${number}` })).items).toEqual([]);
  });
});

describe('ticket numbers across processes', () => {
  let dbFile: string;
  const servers: ServerProcess[] = [];
  beforeAll(async () => {
    dbFile = tempDbFile();
    await (await createTestServer({ dbFile })).close(); // migrated once before both start
    servers.push(...(await Promise.all([startServerProcess(dbFile), startServerProcess(dbFile)])));
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    removeDatabaseFile(dbFile);
  });

  it('gives tickets opened at once through two processes distinct, gapless numbers', async () => {
    const clients = await Promise.all(
      Array.from({ length: 10 }, async (_, i) =>
        createSupportClient({
          url: servers[i % 2]!.origin,
          token: await signToken(SECRET, { ...PEOPLE.customerA, sub: `racer-${i}` }),
        }),
      ),
    );
    const created = await Promise.all(
      clients.flatMap((client, i) => [0, 1, 2].map((j) => client.ticket.create.mutate({ ...NEW_TICKET, subject: `Race ${i}.${j}` }))),
    );
    const numbers = created.map((ticket) => ticket.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => 1001 + i));
    const inspector = createClient({ url: `file:${dbFile}` });
    try {
      const rows = (await inspector.execute('SELECT count(DISTINCT number) AS n FROM tickets')).rows;
      expect(Number(rows[0]?.n)).toBe(30);
    } finally {
      inspector.close();
    }
  });
});
