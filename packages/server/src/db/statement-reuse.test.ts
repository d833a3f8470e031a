import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './client';

// The driver keeps each connection's statements prepared and reuses them, and builds rows on a
// shared prototype (patches/@libsql__client): rows must read exactly as before.

let handle: DatabaseHandle | null = null;
afterEach(() => {
  handle?.close();
  handle = null;
});

describe('reused statements', () => {
  it('see rows written since, on every connection, and new arguments each time', async () => {
    handle = await openDatabase();
    const client = handle.db.$client;
    await client.execute('CREATE TABLE notes (id integer PRIMARY KEY, body text NOT NULL)');
    const read = (from: number) => client.execute({ sql: 'SELECT id, body FROM notes WHERE id >= ? ORDER BY id', args: [from] });
    expect((await read(1)).rows).toHaveLength(0);
    // A transaction holds its own connection: what it commits shows on the others.
    await handle.write((tx) => tx.run(`INSERT INTO notes (id, body) VALUES (1, 'one'), (2, 'two')`));
    expect((await read(1)).rows.map((r) => r.body)).toEqual(['one', 'two']);
    expect((await read(2)).rows.map((r) => r.body)).toEqual(['two']);
  });

  it('keep working after a statement failed', async () => {
    handle = await openDatabase();
    const client = handle.db.$client;
    await client.execute('CREATE TABLE notes (id integer PRIMARY KEY, body text NOT NULL)');
    const insert = (id: number) => client.execute({ sql: 'INSERT INTO notes (id, body) VALUES (?, ?)', args: [id, `note ${id}`] });
    await insert(1);
    await expect(insert(1)).rejects.toThrow(/UNIQUE|PRIMARY KEY/);
    await insert(2);
    expect(Number((await client.execute('SELECT count(*) AS n FROM notes')).rows[0]!.n)).toBe(2);
  });

  it('name the columns a schema change added', async () => {
    handle = await openDatabase();
    const client = handle.db.$client;
    await client.execute('CREATE TABLE notes (id integer PRIMARY KEY, body text NOT NULL)');
    await client.execute(`INSERT INTO notes (id, body) VALUES (1, 'one')`);
    expect((await client.execute('SELECT * FROM notes')).columns).toEqual(['id', 'body']);
    await client.execute('ALTER TABLE notes ADD COLUMN tag text');
    const after = await client.execute('SELECT * FROM notes');
    expect(after.columns).toEqual(['id', 'body', 'tag']);
    expect(after.rows[0]).toMatchObject({ id: 1, body: 'one', tag: null });
  });

  it('read rows by name and by position, with only the names enumerable', async () => {
    handle = await openDatabase();
    const client = handle.db.$client;
    const { rows } = await client.execute(`SELECT 1 AS a, 'x' AS b, 2 AS a, 3 AS length UNION ALL SELECT 4, 'y', 5, 6`);
    const [first, second] = rows;
    expect(Object.keys(first!)).toEqual(['a', 'b']);
    expect({ ...first }).toEqual({ a: 1, b: 'x' });
    expect(JSON.stringify(second)).toBe('{"a":4,"b":"y"}');
    expect(first!.length).toBe(4);
    expect(Array.prototype.slice.call(first)).toEqual([1, 'x', 2, 3]);
    expect(Array.prototype.slice.call(second)).toEqual([4, 'y', 5, 6]);
    expect(first![2]).toBe(2);
  });
});
