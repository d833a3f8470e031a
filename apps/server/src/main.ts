import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { seedOnFirstStart } from './demo-seed';
import { listen } from './listen';
import { notificationChannels } from './channels';

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

const listener = await listen(server.app, { port: config.port, hostname: config.host ?? undefined });
const { port } = listener;
console.log(`support-tickets listening on http://${config.host ?? '0.0.0.0'}:${port}${config.host ? '' : ' (every interface)'}`);
console.log(`  database: ${config.databaseUrl}`);
if (config.demo) {
  console.log('  DEMO MODE (no AUTH_SECRET): tokens at /demo/token?role=customer|org_admin|agent; secret in data/dev-secret');
  if (config.host === '127.0.0.1') {
    console.log(`  demo tokens are for anyone who asks, so only this machine is served (http://localhost:${port}); HOST=0.0.0.0 serves every interface`);
  }
  if (seeded && seeded.tickets > 0) {
    console.log(`  demo data: ${seeded.tickets} tickets in ${seeded.seeded.length} organisations, loaded on this first start`);
  }
}
console.log(`  notifications: ${notificationChannels(config)}`);
if (config.corsOrigins.length > 0) console.log(`  CORS origins: ${config.corsOrigins.join(', ')}`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down`);
  // Stop accepting; the server then ends live streams (clients resume elsewhere), lets requests
  // in progress finish, and stops the timers and the database. 15 s at most.
  const force = setTimeout(() => process.exit(1), 15_000);
  force.unref();
  const closed = new Promise<void>((done) => listener.server.close(() => done()));
  await server.close();
  // Requests are done and streams ended: what is left is keep-alive sockets the clients hold.
  listener.server.closeAllConnections();
  await closed;
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
