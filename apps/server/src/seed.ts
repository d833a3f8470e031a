import { ConfigError, loadConfig } from './config';
import { seedDemo } from './demo-seed';

// `pnpm seed`: loads the demo organisations and their tickets (the server does it by itself on
// its first start in demo mode). Organisations that already have tickets are left alone, so
// running it twice adds nothing. Demo data never goes into a production database.
try {
  const config = loadConfig();
  if (config.production) throw new ConfigError('seed loads demo data; it does not run with NODE_ENV=production.');
  const result = await seedDemo(config);
  for (const id of result.skipped) console.log(`${id}: already has tickets, skipped`);
  console.log(
    result.seeded.length > 0
      ? `seeded ${result.tickets} tickets in ${result.seeded.length} organisations: ${result.seeded.join(', ')}`
      : 'nothing to seed',
  );
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
