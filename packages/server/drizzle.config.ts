import type { Config } from 'drizzle-kit';

// Generates the committed migrations: `pnpm --filter @support-tickets/server db:generate`.
// The server applies them itself at start-up (drizzle-orm/libsql/migrator).
export default {
  dialect: 'turso',
  schema: ['./src/db/schema.ts', './src/db/notification-schema.ts'],
  out: './src/db/migrations',
  dbCredentials: {
    url: process.env.DATABASE_URL ?? 'file:./data/support.db',
    ...(process.env.DATABASE_AUTH_TOKEN ? { authToken: process.env.DATABASE_AUTH_TOKEN } : {}),
  },
  strict: true,
  verbose: true,
} satisfies Config;
