/**
 * The widget's bytes on the wire, as Chromium receives them: a customer's and an agent's first
 * visit to a host page (empty cache) and their second visit (the cache of the first), counting
 * every response under /widget/ (headers and body as they travelled). A plain script:
 *
 *   npx pnpm@12.21.0 --filter @support-tickets/widget build && node --import tsx bench/widget-wire.ts
 *
 * The server runs in this process on 127.0.0.1; Chromium is Debian's, at /usr/bin/chromium.
 */
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createServer, signToken, silentLogger, type TokenClaims } from '@support-tickets/server';
import { tempDbFile, removeDatabaseFile } from '@support-tickets/server/testing';
import { chromium, type BrowserContext } from 'playwright-core';
import { mountStatic } from '../apps/server/src/routes';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECRET = 'bench-secret-0123456789abcdef';
const PEOPLE = {
  customer: { sub: 'wire-customer', role: 'customer', org: 'wire-org', name: 'Customer' },
  agent: { sub: 'wire-agent', role: 'agent', name: 'Agent' },
} as const satisfies Record<string, TokenClaims>;

const dbFile = tempDbFile();
const server = await createServer({ databaseUrl: `file:${dbFile}`, authSecret: SECRET, logger: silentLogger });
server.app.get('/host', (c) => {
  c.header('content-security-policy', "default-src 'self'; style-src 'self' 'unsafe-inline'");
  return c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><script type="module" src="/widget/support-tickets.js"></script></head>
    <body><support-tickets id="widget" lang="en"></support-tickets></body></html>`);
});
mountStatic(server.app, ROOT);
const listener = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise<void>((resolve) => listener.once('listening', () => resolve()));
const origin = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
await (await fetch(`${origin}/trpc/ticket.list`, { headers: { authorization: `Bearer ${await signToken(SECRET, PEOPLE.customer)}` } })).arrayBuffer();

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

/** One visit: the host page with the person signed in, until the widget shows its first view. */
async function visit(context: BrowserContext, who: TokenClaims) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const urls = new Map<string, string>();
  const statuses = new Map<string, string>();
  const bytes = new Map<string, number>();
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    urls.set(requestId, response.url);
    statuses.set(requestId, response.fromDiskCache || response.fromPrefetchCache ? 'cache' : String(response.status));
  });
  cdp.on('Network.requestServedFromCache', ({ requestId }) => statuses.set(requestId, 'cache'));
  // What really travelled: a revalidated file shows as 200 above, 304 here.
  const travelled = new Map<string, number>();
  cdp.on('Network.responseReceivedExtraInfo', ({ requestId, statusCode }) => travelled.set(requestId, statusCode));
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => bytes.set(requestId, encodedDataLength));
  await page.goto(`${origin}/host`);
  const token = await signToken(SECRET, who);
  await page.locator('#widget').evaluate((element, t) => Object.assign(element, { token: t }), token);
  await (who.role === 'agent' ? page.locator('support-tickets-queue') : page.getByText('No tickets yet')).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.close();
  const files = [...urls].filter(([, url]) => url.includes('/widget/'));
  const total = files.reduce((sum, [id]) => sum + (bytes.get(id) ?? 0), 0);
  const detail = files.map(([id, url]) => `${url.slice(url.lastIndexOf('/') + 1)} ${travelled.get(id) ?? statuses.get(id)} ${bytes.get(id) ?? 0} B`).join(', ');
  return { total, detail };
}

try {
  for (const [role, who] of Object.entries(PEOPLE)) {
    const context = await browser.newContext();
    const first = await visit(context, who);
    const second = await visit(context, who);
    console.log(`${role}: first visit ${(first.total / 1024).toFixed(1)} KB (${first.detail})`);
    console.log(`${role}: second visit ${(second.total / 1024).toFixed(1)} KB (${second.detail})`);
    await context.close();
  }
} finally {
  await browser.close();
  listener.close();
  await server.close();
  removeDatabaseFile(dbFile);
}
