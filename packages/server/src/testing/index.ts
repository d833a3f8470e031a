// `@support-tickets/server/testing`: a real server for tests, benchmarks and seeding, on a temp
// database and a clock the test moves, called in-process (`createCaller`) or through `fetch`.
export { TestClock } from './clock';
export { apiClient, fetchFrom, type ApiClient, type FetchHandler } from './client';
export { seedInOneTransaction } from './seed';
export { MIGRATIONS_FOLDER } from '../db/migrate';
export {
  createTestServer,
  removeDatabaseFile,
  TEST_AUTH_SECRET,
  tempDbFile,
  type ApiCaller,
  type TestServer,
  type TestServerOptions,
} from './server';
