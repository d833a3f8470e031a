import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// packages/widget/custom-elements.json documents the element's attributes, properties, events,
// parts and CSS properties for editors and docs sites. It is committed, so builds and tests
// leave the tree as it is; this check fails when the sources changed and the file did not.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WIDGET_DIR = join(ROOT, 'packages/widget');
const REGENERATE = 'npx --yes pnpm@12.21.0 --filter @support-tickets/widget manifest';

interface Analyzer {
  cli(options: { argv: string[]; cwd: string; noWrite: boolean }): Promise<unknown>;
}

async function generatedManifest(): Promise<string> {
  const entry = join(WIDGET_DIR, 'node_modules/@custom-elements-manifest/analyzer/cli.js');
  const { cli } = (await import(pathToFileURL(entry).href)) as Analyzer;
  // The widget's custom-elements-manifest.config.mjs applies, as with `cem analyze` there.
  const manifest = await cli({ argv: ['analyze', '--quiet'], cwd: WIDGET_DIR, noWrite: true });
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

describe('the custom elements manifest', () => {
  it('is what the analyzer makes of the sources today', async () => {
    const committed = readFileSync(join(WIDGET_DIR, 'custom-elements.json'), 'utf8');
    expect(committed === (await generatedManifest()), `custom-elements.json is stale: run ${REGENERATE} and commit it`).toBe(true);
  });

  it('comes out the same on every run, with no path of this machine in it', async () => {
    const [first, second] = await Promise.all([generatedManifest(), generatedManifest()]);
    expect(second).toBe(first);
    expect(first).not.toContain(ROOT);
  });
});
