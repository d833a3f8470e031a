import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// The size budget of the embeddable widget: what a host page downloads, gzipped. Everyone
// downloads support-tickets.js; only agents also download the agent chunk beside it.
// Run: pnpm --filter @support-tickets/widget build && npx vitest run --project integration test/widget-size.test.ts
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WIDGET_DIR = join(ROOT, 'packages/widget');
const DIST = join(WIDGET_DIR, 'dist');
const MAIN = join(DIST, 'support-tickets.js');
// 35 KB until a thread's earlier messages on demand, the rate limit's wording and the wording of
// characters no text may hold joined it (+1.2 KB gzipped, fa and en). Attachments, ticket numbers,
// the collision guard's hooks and a search's marked words joined it since, and the new-ticket form
// and the plan table left it for a chunk of their own (-3.2 KB). 28 KB since the API client speaks
// tRPC's wire format itself (-4.2 KB), English is a chunk and the form took its words along (-1.1 KB).
const MAIN_BUDGET_BYTES = 28 * 1024;
const AGENT_BUDGET_BYTES = 30 * 1024;
const AGENT_CHUNK = /^support-tickets-agent-[\w-]+\.js$/;
// Files (attach, upload, thumbnails): loaded when a form or a message with files first shows.
const ATTACHMENTS_BUDGET_BYTES = 6 * 1024;
const ATTACHMENTS_CHUNK = /^support-tickets-attachments-[\w-]+\.js$/;
// The customer's new-ticket form and plan table, loaded when one first opens, and a closed
// ticket's rating, loaded when one shows: 6 KB until the form's resource picker and the rating
// joined it (+1.4 KB gzipped, fa and en).
const PAGES_BUDGET_BYTES = 8 * 1024;
const PAGES_CHUNK = /^support-tickets-pages-[\w-]+\.js$/;
// English: the second language's table, loaded when an element first shows `lang="en"` (Persian,
// the default, stays in the main file so the default first render needs no second download).
const EN_BUDGET_BYTES = 3 * 1024;
const EN_CHUNK = /^support-tickets-en-[\w-]+\.js$/;
// What only chunks share (the agent's workspace and the customer's pages): styles, the plan table.
const SHARED_BUDGET_BYTES = 2 * 1024;
const SHARED_CHUNK = /^support-tickets-shared-[\w-]+\.js$/;
// Lit's development build says so on every page that loads it.
const LIT_DEV_BUILD = 'Lit is in dev mode';

const build = (outDir: string, nodeEnv: string) =>
  execFileSync('npx', ['vite', 'build', '--outDir', outDir], { cwd: WIDGET_DIR, stdio: 'pipe', env: { ...process.env, NODE_ENV: nodeEnv } });

interface Chunk {
  name: string;
  source: string;
}

function built(): { main: string; agent: Chunk; attachments: Chunk; pages: Chunk; shared: Chunk; en: Chunk } {
  // Built as a test runner would (NODE_ENV=test) when the README's build has not run.
  if (!existsSync(MAIN)) build(DIST, 'test');
  const main = readFileSync(MAIN, 'utf8');
  const chunk = (pattern: RegExp): Chunk => {
    const name = readdirSync(DIST).find((file) => pattern.test(file)) ?? '';
    return { name, source: name ? readFileSync(join(DIST, name), 'utf8') : '' };
  };
  return {
    main,
    agent: chunk(AGENT_CHUNK),
    attachments: chunk(ATTACHMENTS_CHUNK),
    pages: chunk(PAGES_CHUNK),
    shared: chunk(SHARED_CHUNK),
    en: chunk(EN_CHUNK),
  };
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

/** The files a chunk imports (every one by name), and that it holds nothing of the server. */
function expectImportsOnly(chunk: Chunk, files: string[]) {
  const statements = imports(chunk.source).length;
  const from = (file: string) =>
    [...chunk.source.matchAll(new RegExp(`(?:^|[;}])\\s*import\\s*\\{[^}]*\\}\\s*from\\s*["'\`]\\./${file.replaceAll('.', '\\.')}["'\`]`, 'g'))].length;
  expect(statements, chunk.name).toBeGreaterThan(0);
  expect(files.reduce((sum, file) => sum + from(file), 0), `every import of ${chunk.name} is of ${files.join(', ')}`).toBe(statements);
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

  it(`agent chunk stays within ${AGENT_BUDGET_BYTES / 1024} KB gzipped`, () => {
    expectWithin(built().agent, AGENT_BUDGET_BYTES);
  });

  it('main file is self-contained: its only imports are the chunks beside it, on demand; nothing of the server inside', () => {
    const { main, agent, attachments, pages, en } = built();
    const found = imports(main);
    const chunk = (name: string) => new RegExp(`^import\\s*\\(\\s*[\`'"]\\./${name.replaceAll('.', '\\.')}[\`'"]\\s*\\)`);
    const chunks = { agent, attachments, pages, en };
    // A chunk may be imported from more than one place (the pages from the list and from a closed ticket).
    for (const statement of found) {
      expect(Object.values(chunks).some(({ name }) => chunk(name).test(statement)), statement).toBe(true);
    }
    for (const [what, { name }] of Object.entries(chunks)) {
      expect(found.some((statement) => chunk(name).test(statement)), `the ${what} chunk`).toBe(true);
    }
    for (const server of ['process.env', 'drizzle', '@libsql', 'hono']) expect(main.includes(server), server).toBe(false);
    expect(main).toContain('customElements.define');
    // Customers do not download the agent's workspace: none of its elements is in the main file.
    for (const tag of ['support-tickets-queue', 'support-tickets-agent-ticket', 'support-tickets-org-panel', 'support-tickets-sla-overview']) {
      expect(main.includes(tag), tag).toBe(false);
    }
    // Nor the attachments' uploads and views: only their tags. Nor the rating's form.
    expect(main.includes('XMLHttpRequest'), 'the upload').toBe(false);
    expect(main.includes('ticket.rate'), 'the rating').toBe(false);
    // Nor the new-ticket form's words; nor @trpc/client (the widget speaks its wire format itself).
    expect(main.includes('Tell us what happened'), 'the form').toBe(false);
    expect(main.includes('TRPCClientError'), '@trpc/client').toBe(false);
  });

  it(`the English table is a chunk of its own within ${EN_BUDGET_BYTES / 1024} KB gzipped, Persian (the default) in the main file`, () => {
    const { main, en } = built();
    expectWithin(en, EN_BUDGET_BYTES);
    expect(imports(en.source), 'a table imports nothing').toEqual([]);
    expect(en.source).toContain('All tickets');
    expect(main.includes('All tickets'), 'English in the main file').toBe(false);
    expect(main).toContain('همهٔ تیکت‌ها');
  });

  it(`attachments chunk stays within ${ATTACHMENTS_BUDGET_BYTES / 1024} KB gzipped and imports only the main file`, () => {
    const { attachments } = built();
    expectWithin(attachments, ATTACHMENTS_BUDGET_BYTES);
    expectImportsOnly(attachments, ['support-tickets.js']);
    expect(attachments.source).toContain('XMLHttpRequest');
  });

  it(`the customer's pages stay within ${PAGES_BUDGET_BYTES / 1024} KB gzipped, what only chunks share within ${SHARED_BUDGET_BYTES / 1024} KB`, () => {
    const { pages, shared } = built();
    expectWithin(pages, PAGES_BUDGET_BYTES);
    expectImportsOnly(pages, ['support-tickets.js', shared.name]);
    expectWithin(shared, SHARED_BUDGET_BYTES);
    expectImportsOnly(shared, ['support-tickets.js']);
  });

  it('agent chunk imports only the main file and what it shares with the pages, and nothing of the server', () => {
    const { agent, shared } = built();
    expectImportsOnly(agent, ['support-tickets.js', shared.name]);
    expect(agent.source).toContain('support-tickets-queue');
  });
});
