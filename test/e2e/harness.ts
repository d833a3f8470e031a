// Browser tests' harness: the real server (temp database, real clock) serving the built
// widget, the demo page and a bare test host page, driven by Debian's Chromium.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createServer, signToken, silentLogger, type AppRouter, type RateLimits, type SupportServer, type TokenClaims } from '@support-tickets/server';
import { createTRPCClient, httpLink } from '@trpc/client';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_USERS, mountDemoTokens, mountStatic } from '../../apps/server/src/routes';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const WIDGET_FILE = join(ROOT, 'packages/widget/dist/support-tickets.js');
export const SCREENSHOTS = join(ROOT, 'test-results/screenshots');
const SECRET = 'e2e-secret-0123456789abcdef-0123456789';
const CHROMIUM = '/usr/bin/chromium';

export const PEOPLE = {
  customer: { sub: 'e2e-customer', role: 'customer', org: 'e2e-org', orgName: 'Parsian Cloud', name: 'Ava Customer' },
  agent: { sub: 'e2e-agent', role: 'agent', name: 'Sara Agent' },
  demoCustomer: DEMO_USERS.customer,
  demoAdmin: DEMO_USERS.org_admin,
} as const satisfies Record<string, TokenClaims>;

export type Api = ReturnType<typeof apiClient>;

function apiClient(origin: string, token: string) {
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${origin}/trpc`, headers: () => ({ authorization: `Bearer ${token}` }) })],
  });
}

/** The bare host page: the element and nothing else, plus a log of the events it fires. */
function hostPage(lang: string, hostileCss: boolean): string {
  const hostile = hostileCss
    ? `<style>
        /* A careless host stylesheet: none of it may reach inside the widget. */
        button, input, textarea, select, h2, h3, li, p, span, div, a, time, label, form {
          color: red !important; background: red !important; display: none !important;
          font-size: 40px !important; border: 5px solid red !important;
        }
      </style>`
    : '';
  return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <title>Widget host</title>
    ${hostile}
    <script type="module" src="/widget/support-tickets.js"></script>
  </head>
  <body>
    <main>
      <h1>Host page</h1>
      <support-tickets id="widget" lang="${lang}"></support-tickets>
    </main>
    <script>
      window.widgetEvents = [];
      for (const type of ['support-ticket-created', 'support-ticket-replied', 'support-ticket-closed', 'support-error']) {
        document.addEventListener(type, (event) => {
          const { ticket, error } = event.detail;
          window.widgetEvents.push({
            type,
            target: event.target.id,
            composed: event.composed,
            ticket: ticket ? { id: ticket.id, subject: ticket.subject, status: ticket.status } : null,
            error: error ? { code: error.code, message: error.message } : null,
          });
        });
      }
    </script>
  </body>
</html>`;
}

/** The bare host page's policy: its one inline script (the event log) and style aside, only this origin. */
const HOST_PAGE_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

export interface Harness {
  origin: string;
  server: SupportServer;
  browser: Browser;
  token(who: TokenClaims): Promise<string>;
  api(who: TokenClaims): Promise<Api>;
  /** A fresh browser context and page. */
  page(options?: { width?: number; height?: number; colorScheme?: 'light' | 'dark'; timeZone?: string }): Promise<{ context: BrowserContext; page: Page }>;
  /** Opens the bare host page with this person signed in. */
  openHost(page: Page, who: TokenClaims, options?: { lang?: 'fa' | 'en'; hostileCss?: boolean }): Promise<void>;
  /**
   * Moves the server's domain clock by this much from real time (0: real time again), so a
   * ticket can be opened "two hours ago" and be overdue on the browser's real clock.
   */
  setClockOffset(ms: number): void;
  /** Stops the server (every connection dropped) and starts it again on the same port and database. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Builds the widget when its file is missing (the root `test` script builds it first). */
function ensureWidgetBuilt() {
  if (existsSync(WIDGET_FILE)) return;
  execFileSync('npx', ['vite', 'build'], { cwd: join(ROOT, 'packages/widget'), stdio: 'inherit' });
}

/** `rateLimits`: the server's, instead of the production ones (a test of the limit gives tight ones). */
export async function startHarness(options: { rateLimits?: RateLimits } = {}): Promise<Harness> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM} (apt-get install chromium)`);
  ensureWidgetBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'support-tickets-e2e-'));
  const databaseUrl = `file:${join(dir, 'e2e.db')}`;
  let clockOffsetMs = 0;
  const compose = async () => {
    const server = await createServer({
      databaseUrl,
      authSecret: SECRET,
      logger: silentLogger,
      now: () => new Date(Date.now() + clockOffsetMs),
      ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    });
    // The same composition as apps/server: demo tokens, then the widget and the demo page.
    mountDemoTokens(server.app, SECRET);
    server.app.get('/e2e/host', (c) => {
      // A host with a content policy of its own: the widget needs no eval and no inline script.
      c.header('content-security-policy', HOST_PAGE_POLICY);
      return c.html(hostPage(c.req.query('lang') ?? 'en', c.req.query('hostile') === '1'));
    });
    mountStatic(server.app, ROOT);
    return server;
  };
  const listen = async (server: SupportServer, port = 0) => {
    const listener = serve({ fetch: server.app.fetch, port, hostname: '127.0.0.1' });
    await new Promise<void>((done) => (listener.listening ? done() : listener.once('listening', () => done())));
    return listener;
  };
  let server = await compose();
  let listener = await listen(server);
  const port = (listener.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const closeListener = () =>
    new Promise<void>((done) => {
      listener.close(() => done());
      (listener as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
    });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });

  const token = (who: TokenClaims) => signToken(SECRET, who);
  const harness: Harness = {
    origin,
    server,
    browser,
    token,
    api: async (who) => apiClient(origin, await token(who)),
    async page({ width = 1280, height = 900, colorScheme = 'light', timeZone = 'Asia/Tehran' } = {}) {
      const context = await browser.newContext({
        viewport: { width, height },
        colorScheme,
        locale: 'en-US',
        timezoneId: timeZone,
      });
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error('[page error]', error.message));
      return { context, page };
    },
    async openHost(page, who, { lang = 'en', hostileCss = false } = {}) {
      await page.goto(`${origin}/e2e/host?lang=${lang}${hostileCss ? '&hostile=1' : ''}`);
      const value = await token(who);
      await page.evaluate((t) => {
        (document.getElementById('widget') as HTMLElement & { token: string }).token = t;
      }, value);
    },
    setClockOffset(ms) {
      clockOffsetMs = ms;
    },
    async restart() {
      await closeListener();
      await server.close();
      server = await compose();
      listener = await listen(server, port);
      harness.server = server;
    },
    async stop() {
      await browser.close();
      await closeListener();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

export interface WidgetEvent {
  type: string;
  target: string;
  composed: boolean;
  ticket: { id: string; subject: string; status: string } | null;
  error: { code: string; message: string } | null;
}

export const widgetEvents = (page: Page) =>
  page.evaluate(() => (window as unknown as { widgetEvents: WidgetEvent[] }).widgetEvents);

/** The element that has focus, through shadow roots: tag and text. */
export const focused = (page: Page) =>
  page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return { tag: active?.tagName ?? null, text: active?.textContent?.trim() ?? null };
  });

export const shot = (name: string) => join(SCREENSHOTS, `${name}.png`);

/** The focused element through shadow roots: its text, and the `data-index` of the queue slot it sits in. */
export const focusedDetail = (page: Page) =>
  page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return {
      tag: active?.tagName ?? null,
      text: active?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      slot: active?.closest('.slot')?.getAttribute('data-index') ?? null,
      inConfirm: active?.closest('.confirm') !== null && active?.closest('.confirm') !== undefined,
    };
  });

/**
 * Where a user's text that holds a direction override (U+202E) can reverse the text after it:
 * the override runs to the end of the nearest isolate (`<bdi>`, `dir`, `unicode-bidi: isolate |
 * plaintext`) or paragraph (a block, a flex or grid item), which must hold nothing after the
 * user's own text. `texts`: the user's texts as sent.
 */
export const leakingOverrides = (page: Page, texts: string[]) =>
  page.evaluate((userTexts) => {
    const RLO = '\u202E';
    const tails = userTexts.map((text) => text.slice(text.indexOf(RLO) + 1).trim());
    const leaks: string[] = [];
    const boundary = (text: Text) => {
      for (let el = text.parentElement; el; el = el.parentElement) {
        const style = getComputedStyle(el);
        if (['isolate', 'plaintext', 'isolate-override'].includes(style.unicodeBidi)) return el;
        const parent = el.parentElement ? getComputedStyle(el.parentElement).display : '';
        if (!style.display.startsWith('inline') || /flex|grid/.test(parent) || style.display === 'inline-flex') return el;
      }
      return null;
    };
    const walk = (root: Node) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
      for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
        if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
        if (!(node instanceof Text) || !node.textContent?.includes(RLO)) continue;
        const scope = boundary(node)?.textContent ?? '';
        const after = scope.slice(scope.lastIndexOf(RLO) + 1).trim();
        if (!tails.includes(after)) leaks.push(`${node.parentElement?.tagName}.${node.parentElement?.className}: ${scope.trim().slice(0, 80)}`);
      }
    };
    walk(document.body);
    return leaks;
  }, texts);
