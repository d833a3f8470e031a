import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// The size budget of the embeddable widget: what a host page downloads, gzipped. Everyone
// downloads support-tickets.js before the first render; every other file beside it is a chunk
// imported on demand (only agents download the agent chunk).
// Run: pnpm --filter @support-tickets/widget build && npx vitest run --project integration test/widget-size.test.ts
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WIDGET_DIR = join(ROOT, 'packages/widget');
const DIST = join(WIDGET_DIR, 'dist');
const MAIN = join(DIST, 'support-tickets.js');
// 36 KB until the API client spoke tRPC's wire format itself (-4.2 KB), English became a chunk
// (-0.7 KB), the new-ticket form took its words along (-0.4 KB) and a ticket's page left for a
// chunk fetched beside the list (-5.2 KB): what remains is the list, Lit and Persian.
const MAIN_BUDGET_BYTES = 25 * 1024;
// Lit's development build says so on every page that loads it.
const LIT_DEV_BUILD = 'Lit is in dev mode';

/** The chunks beside the main file, each imported on demand, with its budget (gzipped). */
const CHUNKS = {
  // The agent's workspace: 30 KB until its rarely opened screens left for the admin chunk (-6.3 KB).
  agent: { pattern: /^support-tickets-agent-[\w-]+\.js$/, budget: 20 * 1024 },
  // The organisations with their panel and plan form, the SLA overview, the webhooks.
  admin: { pattern: /^support-tickets-admin-[\w-]+\.js$/, budget: 9 * 1024 },
  // A customer's ticket page (its parts shared with the agent's are in the shared chunks).
  ticket: { pattern: /^support-tickets-ticket-[\w-]+\.js$/, budget: 2 * 1024 },
  // The customer's new-ticket form and plan table, loaded when one first opens, and a closed
  // ticket's rating, loaded when one shows: 6 KB until the form's resource picker and the rating
  // joined it (+1.4 KB gzipped, fa and en).
  pages: { pattern: /^support-tickets-pages-[\w-]+\.js$/, budget: 8 * 1024 },
  // Files (attach, upload, thumbnails): loaded when a form or a message with files first shows.
  attachments: { pattern: /^support-tickets-attachments-[\w-]+\.js$/, budget: 6 * 1024 },
  // English: loaded when an element first shows `lang="en"`. Persian, the default, stays in the
  // main file, so the default first render needs no second download.
  en: { pattern: /^support-tickets-en-[\w-]+\.js$/, budget: 3 * 1024 },
};
type ChunkName = keyof typeof CHUNKS;
// What only chunks share (the agent's workspace, a ticket's page, the customer's pages): the
// composer and a ticket's parts, styles, the plan table. All of them together.
const SHARED_BUDGET_BYTES = 8 * 1024;
const SHARED_CHUNK = /^support-tickets-shared-[\w-]+\.js$/;

const build = (outDir: string, nodeEnv: string) =>
  execFileSync('npx', ['vite', 'build', '--outDir', outDir], { cwd: WIDGET_DIR, stdio: 'pipe', env: { ...process.env, NODE_ENV: nodeEnv } });

interface Chunk {
  name: string;
  source: string;
}

function built(): { main: string; shared: Chunk[] } & Record<ChunkName, Chunk> {
  // Built as a test runner would (NODE_ENV=test) when the README's build has not run.
  if (!existsSync(MAIN)) build(DIST, 'test');
  const read = (name: string): Chunk => ({ name, source: name ? readFileSync(join(DIST, name), 'utf8') : '' });
  const files = readdirSync(DIST);
  const chunks = Object.fromEntries(
    Object.entries(CHUNKS).map(([what, { pattern }]) => [what, read(files.find((file) => pattern.test(file)) ?? '')]),
  ) as Record<ChunkName, Chunk>;
  return { main: readFileSync(MAIN, 'utf8'), shared: files.filter((file) => SHARED_CHUNK.test(file)).map(read), ...chunks };
}

const gzipped = (source: string) => gzipSync(source, { level: 9 }).length;
const report = (name: string, source: string, budget: number) =>
  console.info(`${name}: ${(source.length / 1024).toFixed(1)} KB, ${(gzipped(source) / 1024).toFixed(2)} KB gzipped (budget ${budget / 1024} KB)`);

/** Import declarations start a statement; dynamic imports and require() can be anywhere. */
function imports(source: string): string[] {
  return [...source.matchAll(/(?:^|[;}])\s*import\s*[\w$*{"'`]|\bimport\s*\(|\brequire\s*\(|\bexport\s*\*\s*from\b/g)].map((match) =>
    source.slice(match.index, match.index + 80),
  );
}

const quoted = (file: string) => `["'\`]\\./${file.replaceAll('.', '\\.')}["'\`]`;

/**
 * The files a chunk imports, every one by name (`files` statically, `onDemand` with import()),
 * and that it holds nothing of the server.
 */
function expectImportsOnly(chunk: Chunk, files: string[], onDemand: string[] = []) {
  const statements = imports(chunk.source).length;
  const count = (pattern: string) => [...chunk.source.matchAll(new RegExp(pattern, 'g'))].length;
  const named =
    files.reduce((sum, file) => sum + count(`(?:^|[;}])\\s*import\\s*\\{[^}]*\\}\\s*from\\s*${quoted(file)}`), 0) +
    onDemand.reduce((sum, file) => sum + count(`\\bimport\\s*\\(\\s*${quoted(file)}\\s*\\)`), 0);
  expect(named, `every import of ${chunk.name} is of ${[...files, ...onDemand].join(', ')}`).toBe(statements);
  for (const server of ['process.env', 'drizzle', '@libsql', 'hono']) expect(chunk.source.includes(server), server).toBe(false);
}

function expectWithin(chunk: Chunk, budget: number) {
  expect(chunk.name, 'the chunk beside the main file').not.toBe('');
  report(chunk.name, chunk.source, budget);
  expect(gzipped(chunk.source)).toBeLessThanOrEqual(budget);
}

describe('the widget bundle', () => {
  it(`main file stays within ${MAIN_BUDGET_BYTES / 1024} KB gzipped`, () => {
    const { main } = built();
    report('support-tickets.js', main, MAIN_BUDGET_BYTES);
    expect(gzipped(main)).toBeLessThanOrEqual(MAIN_BUDGET_BYTES);
  });

  it('is a production build (Lit without its development build), whatever NODE_ENV the build ran with', () => {
    expect(built().main).not.toContain(LIT_DEV_BUILD);
    const outDir = mkdtempSync(join(tmpdir(), 'st-widget-'));
    try {
      build(outDir, 'development');
      expect(readFileSync(join(outDir, 'support-tickets.js'), 'utf8')).not.toContain(LIT_DEV_BUILD);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });

  for (const [what, { budget }] of Object.entries(CHUNKS)) {
    it(`the ${what} chunk stays within ${budget / 1024} KB gzipped`, () => {
      expectWithin(built()[what as ChunkName], budget);
    });
  }

  it(`what only chunks share stays within ${SHARED_BUDGET_BYTES / 1024} KB gzipped, and imports only the main file and itself`, () => {
    const { shared, attachments } = built();
    const total = shared.reduce((sum, chunk) => sum + gzipped(chunk.source), 0);
    console.info(`${shared.length} shared chunks: ${(total / 1024).toFixed(2)} KB gzipped (budget ${SHARED_BUDGET_BYTES / 1024} KB)`);
    expect(total).toBeLessThanOrEqual(SHARED_BUDGET_BYTES);
    // A message's files ask for the attachments chunk from the ticket's parts they belong to.
    for (const chunk of shared) expectImportsOnly(chunk, ['support-tickets.js', ...shared.map(({ name }) => name)], [attachments.name]);
  });

  it('main file is self-contained: its only imports are the chunks beside it, on demand; nothing of the server inside', () => {
    const { main, agent, attachments, pages, ticket, en } = built();
    const found = imports(main);
    const chunk = (name: string) => new RegExp(`^import\\s*\\(\\s*${quoted(name)}\\s*\\)`);
    const chunks = { agent, attachments, pages, ticket, en };
    // A chunk may be imported from more than one place.
    for (const statement of found) {
      expect(Object.values(chunks).some(({ name }) => chunk(name).test(statement)), statement).toBe(true);
    }
    for (const [what, { name }] of Object.entries({ agent, pages, ticket, en })) {
      expect(found.some((statement) => chunk(name).test(statement)), `the ${what} chunk`).toBe(true);
    }
    for (const server of ['process.env', 'drizzle', '@libsql', 'hono']) expect(main.includes(server), server).toBe(false);
    expect(main).toContain('customElements.define');
    // Customers do not download the agent's workspace: none of its elements is in the main file.
    for (const tag of ['support-tickets-queue', 'support-tickets-agent-ticket', 'support-tickets-org-panel', 'support-tickets-sla-overview']) {
      expect(main.includes(tag), tag).toBe(false);
    }
    // Nor the attachments' uploads and views, nor the rating's form, nor the new-ticket form's words.
    expect(main.includes('XMLHttpRequest'), 'the upload').toBe(false);
    expect(main.includes('ticket.rate'), 'the rating').toBe(false);
    expect(main.includes('Tell us what happened'), 'the form').toBe(false);
    // Nor a ticket's page: the list is what the first render shows.
    expect(main.includes('earlier-button'), "a ticket's earlier messages").toBe(false);
    // Nor @trpc/client: the API client speaks tRPC's wire format itself.
    expect(main.includes('TRPCClientError'), '@trpc/client').toBe(false);
  });

  it('the English table imports nothing; Persian (the default) is in the main file, English only in its chunk', () => {
    const { main, en } = built();
    expect(imports(en.source)).toEqual([]);
    expect(en.source).toContain('All tickets');
    expect(main.includes('All tickets'), 'English in the main file').toBe(false);
    expect(main).toContain('همهٔ تیکت‌ها');
  });

  it('attachments import only the main file, and hold the upload', () => {
    const { attachments } = built();
    expectImportsOnly(attachments, ['support-tickets.js']);
    expect(attachments.source).toContain('XMLHttpRequest');
  });

  it("a ticket's page and the customer's pages import only the main file and what chunks share (the rating on demand)", () => {
    const { ticket, pages, shared } = built();
    const beside = ['support-tickets.js', ...shared.map(({ name }) => name)];
    expectImportsOnly(ticket, beside, [pages.name]);
    expectImportsOnly(pages, beside);
  });

  it("the agent's workspace imports only the main file and what chunks share, its admin screens on demand", () => {
    const { agent, admin, shared } = built();
    const beside = ['support-tickets.js', ...shared.map(({ name }) => name)];
    expectImportsOnly(agent, beside, [admin.name]);
    expect(agent.source).toContain('support-tickets-queue');
    expect(agent.source.includes('webhook.list'), 'the webhooks screen').toBe(false);
    expectImportsOnly(admin, [...beside, agent.name]);
    expect(admin.source).toContain('webhook.list');
  });
});
