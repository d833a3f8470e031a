import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Files worth compressing: the scripts and their source maps. */
const COMPRESSIBLE = /\.(js|map|json)$/;

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) file beside each script of the build, at the
 * highest levels once, so the server sends them as they are, by the browser's Accept-Encoding,
 * with no compression work per request.
 */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'support-tickets:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      const files = (await readdir(outDir)).filter((name) => COMPRESSIBLE.test(name));
      await Promise.all(
        files.map(async (name) => {
          const source = await readFile(join(outDir, name));
          const [br, gz] = await Promise.all([
            brotli(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: source.length } }),
            gzipped(source, { level: 9 }),
          ]);
          await Promise.all([writeFile(join(outDir, `${name}.br`), br), writeFile(join(outDir, `${name}.gz`), gz)]);
        }),
      );
    },
  };
}
