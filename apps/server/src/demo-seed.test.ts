import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signToken, silentLogger, type SupportServer, type TokenClaims } from '@support-tickets/server';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { loadConfig, resolveAuthSecret, type AppConfig } from './config';
import { DEMO_AGENTS } from './demo-data';
import { inProcessClient, seedDemo, seedOnFirstStart } from './demo-seed';
import { DEMO_USERS } from './routes';

// The demo's first start: what it loads on an empty database, read back through the API.

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempConfig(env: Record<string, string> = {}): AppConfig {
  const root = mkdtempSync(join(tmpdir(), 'st-seed-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  return loadConfig({ DATABASE_URL: `file:${join(root, 'data', 'demo.db')}`, ...env }, root);
}

async function apiOf(config: AppConfig) {
  const server: SupportServer = await buildApp(config, { logger: silentLogger });
  cleanups.push(() => server.close());
  return async (claims: TokenClaims) => inProcessClient(server, await signToken(resolveAuthSecret(config), claims));
}

const PERSIAN = /[\u0600-\u06FF]/;

// Each test loads the whole demo (some hundred API calls): seconds on a busy machine.
const LOADS_THE_DEMO = { timeout: 30_000 };

describe('the demo data', LOADS_THE_DEMO, () => {
  it('fills an empty database with organisations on every kind of plan and tickets in every status and SLA state', async () => {
    const config = tempConfig();
    const result = await seedDemo(config, { onlyIfEmpty: true });
    expect(result.seeded.length).toBeGreaterThanOrEqual(4);
    const as = await apiOf(config);
    const agent = await as(DEMO_AGENTS.agent);

    const orgs = (await agent.org.list.query({ limit: 200 })).items;
    expect(new Set(orgs.map((org) => org.planId))).toEqual(new Set(['enterprise', 'sme', 'business', 'developer', 'custom']));
    const tickets = (await agent.ticket.list.query({ limit: 100 })).items;
    expect(tickets).toHaveLength(result.tickets);
    expect(new Set(tickets.map((t) => t.subject)).size, 'every subject differs').toBe(tickets.length);
    for (const status of ['awaiting_response', 'in_progress', 'awaiting_customer', 'closed'] as const) {
      const inStatus = tickets.filter((t) => t.status === status);
      expect(inStatus.some((t) => PERSIAN.test(t.subject)), `${status} in Persian`).toBe(true);
      expect(inStatus.some((t) => !PERSIAN.test(t.subject)), `${status} in English`).toBe(true);
    }
    for (const sla of ['breached', 'at_risk', 'on_track', 'paused'] as const) expect(tickets.some((t) => t.sla === sla), sla).toBe(true);
    expect(new Set(tickets.map((t) => t.closedBy).filter(Boolean))).toEqual(new Set(['customer', 'agent', 'system']));
    const waiting = tickets.filter((t) => t.status === 'awaiting_customer');
    for (const ticket of waiting) expect(Date.parse(ticket.autoCloseAt ?? ''), ticket.subject).toBeGreaterThan(Date.now());

    const inProgress = tickets.find((t) => t.status === 'in_progress')!;
    const detail = await agent.ticket.get.query({ id: inProgress.id });
    expect(detail.messages.some((m) => m.visibility === 'internal'), 'an internal note').toBe(true);
  });

  it('shows the demo customer and the demo org admin tickets of their own in both languages', async () => {
    const config = tempConfig();
    await seedDemo(config, { onlyIfEmpty: true });
    const as = await apiOf(config);
    const mine = (await (await as(DEMO_USERS.customer)).ticket.list.query({ limit: 100 })).items;
    const org = (await (await as(DEMO_USERS.org_admin)).ticket.list.query({ limit: 100 })).items;
    expect(new Set(mine.map((t) => t.status))).toEqual(new Set(['awaiting_response', 'in_progress', 'awaiting_customer', 'closed']));
    expect(mine.some((t) => PERSIAN.test(t.subject)) && mine.some((t) => !PERSIAN.test(t.subject))).toBe(true);
    expect(org.length).toBeGreaterThan(mine.length);
  });

  it('loads nothing into a database that already has an organisation, however often it runs', async () => {
    const config = tempConfig();
    const first = await seedDemo(config, { onlyIfEmpty: true });
    const again = await seedDemo(config, { onlyIfEmpty: true });
    expect(again).toEqual({ seeded: [], skipped: [], tickets: 0 });
    const explicit = await seedDemo(config);
    expect(explicit.seeded).toEqual([]);
    expect(explicit.skipped).toEqual(first.seeded);
    const agent = await (await apiOf(config))(DEMO_AGENTS.agent);
    expect((await agent.ticket.list.query({ limit: 100 })).items).toHaveLength(first.tickets);
  });
});

describe('the first start', LOADS_THE_DEMO, () => {
  it('loads the demo in demo mode only', async () => {
    const demo = tempConfig();
    expect((await seedOnFirstStart(demo))?.tickets).toBeGreaterThan(0);
    const withSecret = tempConfig({ AUTH_SECRET: 'a-very-long-shared-secret' });
    expect(await seedOnFirstStart(withSecret)).toBeNull();
    const agent = await (await apiOf(withSecret))(DEMO_AGENTS.agent);
    expect((await agent.org.list.query()).items).toEqual([]);
  });
});
