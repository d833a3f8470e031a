import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createTestServer, type TestServer } from '@support-tickets/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountStatic } from '../apps/server/src/routes';

// SPEC §9: the widget is served like a production site: compressed (brotli or gzip, by
// Accept-Encoding, precompressed at build time), with an ETag for support-tickets.js (which
// hosts embed by that name, so it is revalidated), content-hashed chunks cached for good, and
// source maps only when SERVE_SOURCE_MAPS=1.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'packages/widget/dist');

let root: string;
let dist: string;
let t: TestServer;
let withMaps: TestServer;
let chunk: string;

beforeAll(async () => {
  if (!existsSync(join(DIST, 'support-tickets.js.br'))) execFileSync('npx', ['vite', 'build'], { cwd: join(ROOT, 'packages/widget'), stdio: 'inherit' });
  // A copy of the build, so a test can rebuild a file in place.
  root = mkdtempSync(join(tmpdir(), 'st-widget-'));
  dist = join(root, 'packages/widget/dist');
  mkdirSync(dist, { recursive: true });
  cpSync(DIST, dist, { recursive: true, preserveTimestamps: true });
  chunk = readdirSync(dist).find((name) => /^support-tickets-agent-[\w-]+\.js$/.test(name))!;
  t = await createTestServer();
  mountStatic(t.app, root);
  withMaps = await createTestServer();
  mountStatic(withMaps.app, root, { serveSourceMaps: true });
});
afterAll(async () => {
  await t.close({ removeFile: true });
  await withMaps.close({ removeFile: true });
  rmSync(root, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}, server = t) => server.fetch(path, { headers });

describe('the widget’s files', () => {
  it('come brotli or gzip compressed as the browser accepts, or plain; the same script each way', async () => {
    const plain = readFileSync(join(dist, 'support-tickets.js'));
    const br = await get('/widget/support-tickets.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).equals(plain)).toBe(true);
    expect(Number(br.headers.get('content-length'))).toBeLessThan(plain.length / 3);

    const gz = await get('/widget/support-tickets.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).equals(plain)).toBe(true);

    const refusals: Array<Record<string, string>> = [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'br;q=0, gzip;q=0' }];
    for (const refused of refusals) {
      const res = await get('/widget/support-tickets.js', refused);
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(Buffer.from(await res.arrayBuffer()).equals(plain)).toBe(true);
    }
    expect(br.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('support-tickets.js is revalidated every view: an ETag per encoding, 304 while it is the same', async () => {
    const first = await get('/widget/support-tickets.js', { 'accept-encoding': 'br' });
    await first.arrayBuffer();
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');

    const again = await get('/widget/support-tickets.js', { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
    expect(again.headers.get('etag')).toBe(etag);

    const gz = await get('/widget/support-tickets.js', { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(gz.status).toBe(200); // another representation, another ETag
    await gz.arrayBuffer();
    expect(gz.headers.get('etag')).not.toBe(etag);
  });

  it('a new build of support-tickets.js gets a new ETag, and a stale compressed twin is never sent', async () => {
    const before = (await get('/widget/support-tickets.js')).headers.get('etag');
    const later = new Date(Date.now() + 5_000);
    writeFileSync(join(dist, 'support-tickets.js'), `${readFileSync(join(dist, 'support-tickets.js'), 'utf8')}\n// rebuilt\n`);
    utimesSync(join(dist, 'support-tickets.js'), later, later);
    const res = await get('/widget/support-tickets.js', { 'accept-encoding': 'br', 'if-none-match': before! });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBeNull(); // the .br is older than the file
    expect(await res.text()).toMatch(/\/\/ rebuilt\n$/);
  });

  it('content-hashed chunks are cached for good', async () => {
    const res = await get(`/widget/${chunk}`, { 'accept-encoding': 'br' });
    await res.arrayBuffer();
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-encoding')).toBe('br');
  });

  it('source maps only with SERVE_SOURCE_MAPS=1; nothing outside the build', async () => {
    expect((await get('/widget/support-tickets.js.map')).status).toBe(404);
    expect((await get(`/widget/${chunk}.map`)).status).toBe(404);
    const map = await get('/widget/support-tickets.js.map', { 'accept-encoding': 'gzip' }, withMaps);
    expect(map.status).toBe(200);
    expect(JSON.parse(gunzipSync(Buffer.from(await map.arrayBuffer())).toString()).version).toBe(3);
    for (const name of ['support-tickets.js.br', '..', '%2e%2e%2fpackage.json', 'nothing.js']) expect((await get(`/widget/${name}`)).status).toBe(404);
  });
});
