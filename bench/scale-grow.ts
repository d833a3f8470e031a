/**
 * Grows a benchmark database by copying its first `template` tickets (with their response
 * cycles and messages) in bulk SQL, not through the API, so a million tickets take minutes.
 * Copy k of a row gets `c<k>-` before its ids (so later copies' ids sort later, as the uuidv7
 * ids of later tickets do, and each copy's tickets sit together in the id index) and its
 * ticket number moved by k × 10,000,000; every other column is copied as it is. The search
 * index's triggers index the copies as they land.
 */
import { createClient } from '@libsql/client';

const TABLES = [
  { name: 'tickets', ticketColumn: 'id' },
  { name: 'response_cycles', ticketColumn: 'ticket_id' },
  { name: 'messages', ticketColumn: 'ticket_id' },
] as const;

export async function growTo(dbFile: string, template: number, target: number): Promise<number> {
  const client = createClient({ url: `file:${dbFile}` });
  try {
    await client.execute('PRAGMA busy_timeout = 10000');
    const count = async () => Number((await client.execute('SELECT count(*) AS n FROM tickets')).rows[0]!['n']);
    let have = await count();
    // The tickets copied: the first `template` the API wrote (copies' ids carry a suffix).
    await client.execute(`CREATE TABLE IF NOT EXISTS bench_template AS SELECT id FROM tickets ORDER BY id LIMIT ${template}`);
    const copies = [];
    for (const table of TABLES) {
      // table_info leaves out generated columns, which SQLite computes for the copies.
      const columns = (await client.execute(`PRAGMA table_info(${table.name})`)).rows.map((row) => String(row['name']));
      const value = (column: string) => {
        if (column === 'id' || column === table.ticketColumn) return `printf('c%06d-', ?1) || ${column}`;
        if (column === 'number') return `${column} + ?1 * 10000000`;
        return column;
      };
      copies.push(
        `INSERT INTO ${table.name} (${columns.join(', ')}) SELECT ${columns.map(value).join(', ')} FROM ${table.name} WHERE ${table.ticketColumn} IN (SELECT id FROM bench_template)`,
      );
    }
    for (let k = Math.ceil(have / template); have < target; k++) {
      await client.batch(
        copies.map((sql) => ({ sql, args: [k] })),
        'write',
      );
      have = await count();
    }
    return have;
  } finally {
    client.close();
  }
}
