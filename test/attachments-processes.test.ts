import { createClient } from '@libsql/client';
import { createSupportClient } from '@support-tickets/client';
import { signToken } from '@support-tickets/server';
import { createTestServer, removeDatabaseFile, tempDbFile } from '@support-tickets/server/testing';
import { describe, expect, it } from 'vitest';
import { LOG_TEXT, PNG_1X1, uploadRaw } from './helpers/attachments';
import { startServerProcess, type ServerProcess } from './helpers/server-process';
import { eventually, HOUR, NEW_TICKET, PEOPLE, SECRET } from './helpers/server';

// SPEC §7: files are readable by every server process sharing the database, and the
// scheduler removes uploads no message took.

describe('files across server processes', () => {
  it('a file uploaded through one process is listed and served by another', async () => {
    const dbFile = tempDbFile();
    // Migrated once before the processes start together.
    await (await createTestServer({ dbFile })).close();
    const servers: ServerProcess[] = [];
    try {
      servers.push(...(await Promise.all([startServerProcess(dbFile), startServerProcess(dbFile)])));
      const [first, second] = servers as [ServerProcess, ServerProcess];
      const token = await signToken(SECRET, PEOPLE.customerA);
      // Larger than one chunk, so the second process streams several.
      const big = Buffer.concat(Array.from({ length: 8_000 }, () => LOG_TEXT));
      const uploaded = await Promise.all([uploadRaw(first.origin, token, PNG_1X1, 'screen.png'), uploadRaw(first.origin, token, big, 'node.log')]);
      const ids = uploaded.map((res) => res.json.id as string);
      const ticket = await createSupportClient({ url: first.origin, token }).ticket.create.mutate({ ...NEW_TICKET, attachmentIds: ids });

      const seen = await createSupportClient({ url: second.origin, token }).ticket.get.query({ id: ticket.id });
      const [image, log] = seen.messages[0]!.attachments;
      expect(Buffer.from(await (await fetch(new URL(image!.url, second.origin))).arrayBuffer())).toEqual(PNG_1X1);
      const served = await fetch(new URL(log!.url, second.origin));
      expect(served.headers.get('content-length')).toBe(String(big.length));
      expect(Buffer.from(await served.arrayBuffer()).equals(big)).toBe(true);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
      removeDatabaseFile(dbFile);
    }
  });
});

describe('the scheduler', () => {
  it('removes uploads no message took once they are a day old', async () => {
    const t = await createTestServer();
    try {
      const res = await t.fetch('/attachments', {
        method: 'POST',
        headers: { authorization: `Bearer ${await t.token(PEOPLE.customerA)}`, 'x-filename': 'forgotten.png' },
        body: PNG_1X1,
      });
      expect(res.status).toBe(201);
      t.clock.advance(25 * HOUR);
      t.server.startScheduler();
      await eventually(async () => (await countFiles(t.dbFile)) === 0);
    } finally {
      await t.close({ removeFile: true });
    }
  });
});

async function countFiles(dbFile: string): Promise<number> {
  const client = createClient({ url: `file:${dbFile}` });
  try {
    return Number((await client.execute('SELECT count(*) AS n FROM attachments')).rows[0]!.n);
  } finally {
    client.close();
  }
}
