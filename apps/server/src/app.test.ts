import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger, verifyToken, type SupportServer } from '@support-tickets/server';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { loadConfig, REPO_ROOT, resolveAuthSecret } from './config';

// The runnable server's HTTP surface, in-process (app.request): health, CORS, static files,
// and the demo token endpoint, on only in demo mode.

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function appWith(env: Record<string, string>, files: Record<string, string> = {}) {
  const root = mkdtempSync(join(tmpdir(), 'st-app-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  const config = loadConfig({ DATABASE_URL: `file:${join(root, 'data', 'test.db')}`, ...env }, root);
  const server: SupportServer = await buildApp(config, { logger: silentLogger });
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  cleanups.push(() => server.close());
  return { app: server.app, config };
}

describe('health', () => {
  it('reports the database as reachable', async () => {
    const { app } = await appWith({});
    const res = await app.request('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, database: 'up' });
  });

  it('answers 503 when the database is unreachable', async () => {
    const root = mkdtempSync(join(tmpdir(), 'st-app-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const server = await buildApp(loadConfig({ DATABASE_URL: `file:${join(root, 'x.db')}` }, root), { logger: silentLogger });
    await server.close();
    const res = await server.app.request('/health');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, database: 'down' });
  });
});

describe('request lines', () => {
  async function linesWith(env: Record<string, string>) {
    const root = mkdtempSync(join(tmpdir(), 'st-app-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const lines: string[] = [];
    const record = (message: string) => void lines.push(message);
    const server = await buildApp(loadConfig({ DATABASE_URL: `file:${join(root, 'x.db')}`, ...env }, root), {
      logger: { info: record, warn: record, error: record },
    });
    cleanups.push(() => server.close());
    await server.app.request('/health');
    await server.app.request('/trpc/plan.list');
    return lines;
  }

  it('are not logged by default', async () => {
    expect(await linesWith({})).toEqual([]);
  });

  it('are logged, one per request, with LOG_REQUESTS=1', async () => {
    const lines = await linesWith({ LOG_REQUESTS: '1' });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^GET \/health 200 \d+ms$/);
    expect(lines[1]).toMatch(/^GET \/trpc\/plan\.list 401 \d+ms$/);
  });
});

describe('CORS', () => {
  const env = { CORS_ORIGINS: 'https://panel.kubit.ir,https://partner.example.com' };

  it('allows a listed origin, including the preflight with the Authorization header', async () => {
    const { app } = await appWith(env);
    const preflight = await app.request('/trpc/ticket.list', {
      method: 'OPTIONS',
      headers: { origin: 'https://partner.example.com', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://partner.example.com');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    const res = await app.request('/health', { headers: { origin: 'https://panel.kubit.ir' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://panel.kubit.ir');
  });

  it("lets a listed origin's page read API answers and refusals, and tells caches the answer depends on the origin", async () => {
    const { app } = await appWith(env);
    const origin = 'https://partner.example.com';
    const refused = await app.request('/trpc/ticket.list', { headers: { origin } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe(origin);
    expect(refused.headers.get('vary')?.toLowerCase()).toContain('origin');
    expect(refused.headers.get('cache-control')).toBe('no-store');
    expect(await refused.json()).toMatchObject({ error: { data: { code: 'UNAUTHORIZED' } } });
    const other = await app.request('/trpc/ticket.list', { headers: { origin: 'https://evil.example.com' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('vary')?.toLowerCase()).toContain('origin');
  });

  it('does not allow other origins', async () => {
    const { app } = await appWith(env);
    const res = await app.request('/health', { headers: { origin: 'https://evil.example.com' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await app.request('/trpc/ticket.list', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends no CORS headers when no origin is configured, and any origin with *', async () => {
    const { app } = await appWith({});
    expect((await app.request('/health', { headers: { origin: 'https://panel.kubit.ir' } })).headers.get('access-control-allow-origin')).toBeNull();
    const { app: open } = await appWith({ CORS_ORIGINS: '*' });
    expect((await open.request('/health', { headers: { origin: 'https://anyone.example' } })).headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('demo tokens', () => {
  it.each(['customer', 'org_admin', 'agent'] as const)('hands out a working %s token in demo mode', async (role) => {
    const { app, config } = await appWith({});
    const res = await app.request(`/demo/token?role=${role}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; role: string };
    expect(body.role).toBe(role);
    const user = await verifyToken(resolveAuthSecret(config), body.token);
    expect(user).toMatchObject({ role, orgId: role === 'agent' ? null : 'demo-org' });
    const list = await app.request('/trpc/ticket.list', { headers: { authorization: `Bearer ${body.token}` } });
    expect(list.status).toBe(200);
  });

  it('refuses an unknown role', async () => {
    const { app } = await appWith({});
    expect((await app.request('/demo/token?role=root')).status).toBe(400);
  });

  it('is off (404) when AUTH_SECRET is set', async () => {
    const { app } = await appWith({ AUTH_SECRET: 'a-very-long-shared-secret' });
    expect((await app.request('/demo/token?role=agent')).status).toBe(404);
  });

  it('is off (404) in production', async () => {
    const { app } = await appWith({ AUTH_SECRET: 'a-very-long-shared-secret', NODE_ENV: 'production' });
    expect((await app.request('/demo/token?role=customer')).status).toBe(404);
  });
});

describe('static files', () => {
  it('serves the built widget as JavaScript and the demo page at /', async () => {
    const { app } = await appWith(
      {},
      {
        'packages/widget/dist/support-tickets.js': 'customElements.define("x", class extends HTMLElement {});',
        'apps/demo/index.html': '<!doctype html><title>Demo</title>',
        'apps/demo/style.css': 'body{}',
      },
    );
    const widget = await app.request('/widget/support-tickets.js');
    expect(widget.status).toBe(200);
    expect(widget.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await widget.text()).toContain('customElements');
    const page = await app.request('/');
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<title>Demo</title>');
    expect((await app.request('/demo/style.css')).headers.get('content-type')).toContain('text/css');
  });

  it('serves the chunks beside the widget (the agent workspace, loaded on demand) as JavaScript', async () => {
    const { app } = await appWith({}, { 'packages/widget/dist/support-tickets-agent-Ab1_x-9.js': 'export const agent = 1;' });
    const chunk = await app.request('/widget/support-tickets-agent-Ab1_x-9.js');
    expect(chunk.status).toBe(200);
    expect(chunk.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await chunk.text()).toContain('agent');
  });

  it('gives the demo page an icon it serves, so browsers do not ask for /favicon.ico', async () => {
    // The real demo page; the database in a temp folder, and a secret so nothing is written to data/.
    const dir = mkdtempSync(join(tmpdir(), 'st-app-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const env = { DATABASE_URL: `file:${join(dir, 'x.db')}`, AUTH_SECRET: 'a-very-long-shared-secret' };
    const server = await buildApp(loadConfig(env, REPO_ROOT), { logger: silentLogger });
    cleanups.push(() => server.close());
    const page = await (await server.app.request('/')).text();
    const icon = /<link rel="icon" href="([^"]+)"/.exec(page)?.[1];
    expect(icon).toBe('/demo/icon.svg');
    const res = await server.app.request(icon!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(await res.text()).toContain('<svg');
  });

  it('says how to build the widget when it is not built', async () => {
    const { app } = await appWith({});
    const res = await app.request('/widget/support-tickets.js');
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/not built yet.*build/);
  });

  it('never serves files outside the folders', async () => {
    const { app } = await appWith({}, { 'packages/widget/secret.txt': 'nope', 'apps/demo/index.html': 'x' });
    for (const path of ['/widget/..%2Fsecret.txt', '/widget/../secret.txt', '/demo/..%2F..%2Fpackage.json', '/widget/.']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
    }
  });
});
