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
// characters no text may hold joined it (+1.2 KB gzipped, fa and en); 36 KB until attachments,
// ticket numbers, the collision guard's hooks and a search's marked words joined it.
const MAIN_BUDGET_BYTES = 37 * 1024;
const AGENT_BUDGET_BYTES = 30 * 1024;
const AGENT_CHUNK = /^support-tickets-agent-[\w-]+\.js$/;
// Files (attach, upload, thumbnails): loaded when a form or a message with files first shows.
const ATTACHMENTS_BUDGET_BYTES = 6 * 1024;
const ATTACHMENTS_CHUNK = /^support-tickets-attachments-[\w-]+\.js$/;
// The customer's parts on demand, each importing only the main file: the plan table (its tab),
// the new-ticket form's resource picker (tokens that list resources), a closed ticket's
// follow-up and rating.
const CUSTOMER_CHUNKS = [
  { name: 'closed-ticket', budget: 3 * 1024, tag: 'st-closed-extras' },
  { name: 'plan-table', budget: 3 * 1024, tag: 'support-tickets-plans' },
  { name: 'resources', budget: 3 * 1024, tag: 'st-resources' },
] as const;
const chunkPattern = (name: string) => new RegExp(`^support-tickets-${name}-[\\w-]+\\.js$`);
// Lit's development build says so on every page that loads it.
const LIT_DEV_BUILD = 'Lit is in dev mode';

const build = (outDir: string, nodeEnv: string) =>
  execFileSync('npx', ['vite', 'build', '--outDir', outDir], { cwd: WIDGET_DIR, stdio: 'pipe', env: { ...process.env, NODE_ENV: nodeEnv } });

function built(): { main: string; agentName: string; agent: string; attachmentsName: string; attachments: string } {
  // Built as a test runner would (NODE_ENV=test) when the README's build has not run.
  if (!existsSync(MAIN)) build(DIST, 'test');
  const main = readFileSync(MAIN, 'utf8');
  const agentName = readdirSync(DIST).find((name) => AGENT_CHUNK.test(name)) ?? '';
  const attachmentsName = readdirSync(DIST).find((name) => ATTACHMENTS_CHUNK.test(name)) ?? '';
  const read = (name: string) => (name ? readFileSync(join(DIST, name), 'utf8') : '');
  return { main, agentName, agent: read(agentName), attachmentsName, attachments: read(attachmentsName) };
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
    const { agentName, agent } = built();
    expect(agentName, 'the agent chunk beside the main file').not.toBe('');
    report(agentName, agent, AGENT_BUDGET_BYTES);
    expect(gzipped(agent)).toBeLessThanOrEqual(AGENT_BUDGET_BYTES);
  });

  it('main file is self-contained: its only imports are the chunks beside it, on demand; nothing of the server inside', () => {
    const { main, agentName, attachmentsName } = built();
    const found = imports(main);
    const chunk = (name: string) => new RegExp(`^import\\s*\\(\\s*[\`'"]\\./${name.replaceAll('.', '\\.')}[\`'"]\\s*\\)`);
    const customer = CUSTOMER_CHUNKS.map(({ name }) => readdirSync(DIST).find((file) => chunkPattern(name).test(file)) ?? name);
    expect(found).toHaveLength(2 + customer.length);
    expect(found.some((statement) => chunk(agentName).test(statement)), 'the agent chunk').toBe(true);
    expect(found.some((statement) => chunk(attachmentsName).test(statement)), 'the attachments chunk').toBe(true);
    for (const name of customer) expect(found.some((statement) => chunk(name).test(statement)), name).toBe(true);
    for (const server of ['process.env', 'drizzle', '@libsql', 'hono']) expect(main.includes(server), server).toBe(false);
    expect(main).toContain('customElements.define');
    // Customers do not download the agent's workspace: none of its elements is in the main file.
    for (const tag of ['support-tickets-queue', 'support-tickets-agent-ticket', 'support-tickets-org-panel', 'support-tickets-sla-overview']) {
      expect(main.includes(tag), tag).toBe(false);
    }
    // Nor the attachments' uploads and views: only their tags.
    expect(main.includes('XMLHttpRequest'), 'the upload').toBe(false);
    // Nor the customer's parts on demand: their elements are defined in their chunks.
    for (const { tag } of CUSTOMER_CHUNKS) expect(new RegExp(`define\\(\\s*[\`'"]${tag}[\`'"]`).test(main), tag).toBe(false);
  });

  it.each(CUSTOMER_CHUNKS)('customer chunk $name stays within its budget and imports only the main file', ({ name, budget, tag }) => {
    const file = readdirSync(DIST).find((entry) => chunkPattern(name).test(entry)) ?? '';
    expect(file, `the ${name} chunk beside the main file`).not.toBe('');
    const source = readFileSync(join(DIST, file), 'utf8');
    report(file, source, budget);
    expect(gzipped(source)).toBeLessThanOrEqual(budget);
    const fromMain = [...source.matchAll(/(?:^|[;}])\s*import\s*\{[^}]*\}\s*from\s*["'`]\.\/support-tickets\.js["'`]/g)].length;
    expect(fromMain, 'every import is of the main file').toBe(imports(source).length);
    expect(source).toContain(tag);
  });

  it(`attachments chunk stays within ${ATTACHMENTS_BUDGET_BYTES / 1024} KB gzipped and imports only the main file`, () => {
    const { attachmentsName, attachments } = built();
    expect(attachmentsName, 'the attachments chunk beside the main file').not.toBe('');
    report(attachmentsName, attachments, ATTACHMENTS_BUDGET_BYTES);
    expect(gzipped(attachments)).toBeLessThanOrEqual(ATTACHMENTS_BUDGET_BYTES);
    const statements = imports(attachments).length;
    const fromMain = [...attachments.matchAll(/(?:^|[;}])\s*import\s*\{[^}]*\}\s*from\s*["'`]\.\/support-tickets\.js["'`]/g)].length;
    expect(fromMain, 'every import is of the main file').toBe(statements);
    expect(attachments).toContain('XMLHttpRequest');
  });

  it('agent chunk imports only the main file, and nothing of the server', () => {
    const { agent } = built();
    const statements = imports(agent).length;
    const fromMain = [...agent.matchAll(/(?:^|[;}])\s*import\s*\{[^}]*\}\s*from\s*["'`]\.\/support-tickets\.js["'`]/g)].length;
    expect(statements).toBeGreaterThan(0);
    expect(fromMain, 'every import is of the main file').toBe(statements);
    for (const server of ['process.env', 'drizzle', '@libsql', 'hono']) expect(agent.includes(server), server).toBe(false);
    expect(agent).toContain('support-tickets-queue');
  });
});
