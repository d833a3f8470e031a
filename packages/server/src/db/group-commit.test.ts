import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './client';
import { groupCommit } from './group-commit';

// Concurrent writers share one transaction and one commit; each is answered after that commit
// with its own outcome, and one that fails takes nothing of the others with it.

let handle: DatabaseHandle | null = null;
afterEach(() => {
  handle?.close();
  handle = null;
});

async function notesDatabase() {
  handle = await openDatabase();
  await handle.db.$client.execute('CREATE TABLE notes (id integer PRIMARY KEY, body text NOT NULL)');
  let transactions = 0;
  const database = { write: <T>(fn: Parameters<DatabaseHandle['write']>[0]) => (transactions++, handle!.write(fn)) as Promise<T> };
  const bodies = async () => (await handle!.db.$client.execute('SELECT body FROM notes ORDER BY id')).rows.map((r) => r.body);
  return { database, transactions: () => transactions, bodies };
}

describe('group commit', () => {
  it('commits writers that queue while a transaction runs together, each answered with its own result', async () => {
    const { database, transactions, bodies } = await notesDatabase();
    const group = groupCommit(database);
    const insert = (id: number) => group.write(async (tx) => (await tx.run(`INSERT INTO notes (id, body) VALUES (${id}, 'note ${id}')`), id));
    expect(await Promise.all([1, 2, 3, 4, 5].map(insert))).toEqual([1, 2, 3, 4, 5]);
    expect(await bodies()).toEqual(['note 1', 'note 2', 'note 3', 'note 4', 'note 5']);
    // The first transaction starts with the first writer; the other four arrive before it runs.
    expect(transactions()).toBeLessThanOrEqual(2);
  });

  it('rolls back only the writer that throws', async () => {
    const { database, bodies } = await notesDatabase();
    const group = groupCommit(database);
    const results = await Promise.allSettled([
      group.write((tx) => tx.run(`INSERT INTO notes (id, body) VALUES (1, 'kept')`)),
      group.write(async (tx) => {
        await tx.run(`INSERT INTO notes (id, body) VALUES (2, 'undone')`);
        throw new Error('refused');
      }),
      group.write((tx) => tx.run(`INSERT INTO notes (id, body) VALUES (1, 'duplicate')`)),
      group.write((tx) => tx.run(`INSERT INTO notes (id, body) VALUES (3, 'kept too')`)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(await bodies()).toEqual(['kept', 'kept too']);
  });

  it('answers no writer before its transaction is committed', async () => {
    const { database, bodies } = await notesDatabase();
    const group = groupCommit(database);
    const seen: unknown[][] = [];
    await Promise.all(
      [1, 2].map((id) =>
        group.write((tx) => tx.run(`INSERT INTO notes (id, body) VALUES (${id}, 'n${id}')`)).then(async () => seen.push(await bodies())),
      ),
    );
    // Read on another connection: both rows are there as soon as the first writer is answered.
    expect(seen[0]).toEqual(['n1', 'n2']);
  });
});
