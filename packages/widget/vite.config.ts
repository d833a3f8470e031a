import { defineConfig } from 'vite';

// One self-contained ES module: Lit, the tRPC client and the used bits of core inside, so a
// host needs nothing but <script type="module" src=".../support-tickets.js">.
export default defineConfig({
  build: {
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: () => 'support-tickets.js',
    },
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: 'oxc',
    rolldownOptions: {
      // Library mode keeps ES output readable for re-bundling; this file is served as it is.
      output: { minify: true },
      // tRPC's index pulls in every link (WebSocket, streaming); its modules are pure, so let
      // the bundler drop the ones the widget does not call.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]@trpc[\\/]/.test(id) },
    },
    reportCompressedSize: true,
  },
  define: {
    // Library mode leaves process.env.NODE_ENV to the consumer; a browser page has no `process`.
    'process.env.NODE_ENV': JSON.stringify('production'),
  },
});
