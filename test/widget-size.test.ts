import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// The size budget of the embeddable widget: what a host page downloads, gzipped.
// Run: pnpm --filter @support-tickets/widget build && npx vitest run --project integration test/widget-size.test.ts
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WIDGET_DIR = join(ROOT, 'packages/widget');
const FILE = join(WIDGET_DIR, 'dist/support-tickets.js');
const BUDGET_BYTES = 35 * 1024;

function built(): string {
  if (!existsSync(FILE)) execFileSync('npx', ['vite', 'build'], { cwd: WIDGET_DIR, stdio: 'inherit' });
  return readFileSync(FILE, 'utf8');
}

describe('the widget bundle', () => {
  it(`stays within ${BUDGET_BYTES / 1024} KB gzipped`, () => {
    const source = built();
    const gzipped = gzipSync(source, { level: 9 }).length;
    console.info(`support-tickets.js: ${(source.length / 1024).toFixed(1)} KB, ${(gzipped / 1024).toFixed(2)} KB gzipped (budget ${BUDGET_BYTES / 1024} KB)`);
    expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('is one self-contained module: no imports left, nothing of the server inside', () => {
    const source = built();
    // Import declarations start a statement; dynamic imports and require() can be anywhere.
    const leftovers = [...source.matchAll(/(?:^|[;}])\s*import\s*[\w$*{"'`]|\bimport\s*\(|\brequire\s*\(|\bexport\s*\*\s*from\b/g)].map(
      (match) => source.slice(match.index, match.index + 60),
    );
    expect(leftovers).toEqual([]);
    for (const server of ['process.env', 'drizzle', '@libsql', 'hono']) expect(source.includes(server), server).toBe(false);
    expect(source).toContain('customElements.define');
  });
});
