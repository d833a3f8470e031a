// Run as a separate process by concurrency.test.ts: one sweep on a shared database file.
// Usage: sweep-process.ts <db file> <now ISO> <start at epoch ms>
import { createServer, silentLogger } from '@support-tickets/server';
import { SECRET } from './server';

const [file, nowIso, startAt] = process.argv.slice(2);
const server = await createServer({ databaseUrl: `file:${file}`, authSecret: SECRET, now: () => new Date(nowIso!), logger: silentLogger });
// Start together with the sibling process, so the sweeps really overlap.
await new Promise((done) => setTimeout(done, Math.max(0, Number(startAt) - Date.now())));
const closed = await server.closeDueTickets();
await server.close();
process.stdout.write(`${closed}\n`);
