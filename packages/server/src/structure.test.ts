import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// How the server's folders depend on each other, read from the import statements: shared
// pieces live in shared/ and depend on no domain folder; no two folders import each other,
// even through others; only the edge (api/) speaks tRPC.

const SRC = dirname(fileURLToPath(import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The top folder of a file under src/, or the file's own name for one at the top (`logger`). */
const folderOf = (path: string) => {
  const parts = relative(SRC, path).split(sep);
  return parts.length > 1 ? parts[0]! : parts[0]!.replace(/\.ts$/, '');
};

const files = sources(SRC).map((path) => {
  const text = readFileSync(path, 'utf8');
  const specifiers = [...text.matchAll(/^(?:import|export)[^;]*?from '([^']+)'/gms)].map((m) => m[1]!);
  return { path, folder: folderOf(path), specifiers };
});

/** folder → the other folders it imports from. */
const graph = new Map<string, Set<string>>();
for (const file of files) {
  const targets = graph.get(file.folder) ?? new Set<string>();
  for (const specifier of file.specifiers.filter((s) => s.startsWith('.'))) {
    const target = folderOf(resolve(dirname(file.path), specifier));
    if (target !== file.folder) targets.add(target);
  }
  graph.set(file.folder, targets);
}

function cycleFrom(start: string): string[] | null {
  const walk = (folder: string, path: string[]): string[] | null => {
    for (const next of graph.get(folder) ?? []) {
      if (next === start) return [...path, next];
      if (!path.includes(next)) {
        const found = walk(next, [...path, next]);
        if (found) return found;
      }
    }
    return null;
  };
  return walk(start, [start]);
}

describe('the server’s structure', () => {
  it('has no import cycle between folders', () => {
    for (const folder of graph.keys()) expect(cycleFrom(folder), `a cycle through ${folder}`).toBeNull();
  });

  it('keeps shared pieces free of the domain folders', () => {
    expect([...(graph.get('shared') ?? [])].sort()).toEqual(['db', 'logger']);
  });

  it('speaks tRPC only at the edge', () => {
    const trpc = files.filter((file) => file.specifiers.some((s) => s.startsWith('@trpc/server')));
    expect(new Set(trpc.map((file) => file.folder))).toEqual(new Set(['api']));
  });
});
