import { serve } from '@hono/node-server';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { seedOnFirstStart } from './demo-seed';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

// Demo mode opens on a living demo: its first start on an empty database loads one.
const seeded = await seedOnFirstStart(config);

const server = await buildApp(config);
server.startScheduler();

const http = serve({ fetch: server.app.fetch, port: config.port }, (info) => {
  console.log(`support-tickets listening on http://localhost:${info.port}`);
  console.log(`  database: ${config.databaseUrl}`);
  if (config.demo) {
    console.log('  DEMO MODE (no AUTH_SECRET): tokens at /demo/token?role=customer|org_admin|agent; secret in data/dev-secret');
    if (seeded && seeded.tickets > 0) {
      console.log(`  demo data: ${seeded.tickets} tickets in ${seeded.seeded.length} organisations, loaded on this first start`);
    }
  }
  if (config.corsOrigins.length > 0) console.log(`  CORS origins: ${config.corsOrigins.join(', ')}`);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down`);
  // Stop accepting; the server then ends live streams (clients resume elsewhere), lets requests
  // in progress finish, and stops the timers and the database. 15 s at most.
  const force = setTimeout(() => process.exit(1), 15_000);
  force.unref();
  const closed = new Promise<void>((done) => http.close(() => done()));
  await server.close();
  // Requests are done and streams ended: what is left is keep-alive sockets the clients hold.
  (http as { closeAllConnections?: () => void }).closeAllConnections?.();
  await closed;
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
