import { silentLogger } from '@support-tickets/server';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';

// One-shot sweep for cron users: closes every ticket due to auto-close, prints how many.
try {
  const server = await buildApp(loadConfig(), { logger: silentLogger });
  try {
    const closed = await server.closeDueTickets();
    console.log(`closed ${closed} ticket${closed === 1 ? '' : 's'}`);
  } finally {
    await server.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
