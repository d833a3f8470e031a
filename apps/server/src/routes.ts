import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { signToken, type SupportServer } from '@support-tickets/server';
import { createWidgetFiles } from './widget-files';

type App = SupportServer['app'];

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * The demo page loads its own scripts, styles and the widget from this origin and calls the API
 * here; nothing inline runs, nothing else loads (the API's own answers allow nothing at all).
 */
const DEMO_PAGE_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// One path segment of letters, digits, dot, dash, underscore; never "..": no way out of the folder.
const SAFE_NAME = /^(?!\.\.?$)[\w.-]+$/;

async function readStatic(dir: string, name: string): Promise<Response | null> {
  if (!SAFE_NAME.test(name)) return null;
  try {
    const body = await readFile(join(dir, name));
    return new Response(body, {
      headers: {
        'content-type': CONTENT_TYPES[extname(name)] ?? 'application/octet-stream',
        // Rebuilt in place during development: always revalidate.
        'cache-control': 'no-cache',
        ...(extname(name) === '.html' ? { 'content-security-policy': DEMO_PAGE_POLICY } : {}),
      },
    });
  } catch {
    return null;
  }
}

/**
 * The built widget at /widget/* (compressed, revalidated, chunks cached for good: see
 * widget-files.ts), the demo host page at / and its assets at /demo/*.
 */
export function mountStatic(app: App, root: string, options: { serveSourceMaps?: boolean } = {}): void {
  const widgetFile = createWidgetFiles({ dir: join(root, 'packages', 'widget', 'dist'), serveSourceMaps: options.serveSourceMaps ?? false });
  const demoDir = join(root, 'apps', 'demo');

  app.get('/widget/:file', async (c) => {
    const file = await widgetFile(c.req.param('file'), {
      acceptEncoding: c.req.header('accept-encoding'),
      ifNoneMatch: c.req.header('if-none-match'),
    });
    if (file) return file;
    return c.text(
      c.req.param('file') === 'support-tickets.js'
        ? 'The widget is not built yet. Run `pnpm --filter @support-tickets/widget build` (or `pnpm start` from the repository root) and reload.\n'
        : 'Not found.\n',
      404,
    );
  });

  app.get('/', async (c) => {
    const page = await readStatic(demoDir, 'index.html');
    return page ?? c.text('The demo page (apps/demo/index.html) is missing. The API is at /trpc, health at /health.\n', 404);
  });

  app.get('/demo/:file', async (c) => (await readStatic(demoDir, c.req.param('file'))) ?? c.notFound());
}

export const DEMO_USERS = {
  customer: { sub: 'demo-customer', role: 'customer', org: 'demo-org', orgName: 'Demo Org', name: 'Demo Customer' },
  org_admin: { sub: 'demo-admin', role: 'org_admin', org: 'demo-org', orgName: 'Demo Org', name: 'Demo Admin' },
  agent: { sub: 'demo-agent', role: 'agent', name: 'Demo Agent' },
} as const;

const DEMO_TOKEN_SECONDS = 12 * 60 * 60;

/**
 * DEMO ONLY — hands out tokens to anyone. Mounted only when there is no AUTH_SECRET and
 * NODE_ENV is not production; otherwise the route does not exist (404).
 */
export function mountDemoTokens(app: App, secret: string): void {
  app.get('/demo/token', async (c) => {
    const role = c.req.query('role') ?? 'customer';
    if (!(role in DEMO_USERS)) {
      return c.json({ error: `Unknown role "${role}"; use customer, org_admin or agent.` }, 400);
    }
    const user = DEMO_USERS[role as keyof typeof DEMO_USERS];
    const exp = Math.floor(Date.now() / 1000) + DEMO_TOKEN_SECONDS;
    const token = await signToken(secret, { ...user, exp });
    c.header('cache-control', 'no-store');
    return c.json({ token, role: user.role, sub: user.sub, expiresAt: new Date(exp * 1000).toISOString(), demo: true });
  });
}
