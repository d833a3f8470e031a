import { defaultClientConditions, defineConfig } from 'vite';
import { precompress } from './build/precompress';

// support-tickets.js: one ES module with Lit, the API client and the used bits of core inside,
// so a host needs nothing but <script type="module" src=".../support-tickets.js">. The agent's
// workspace is a second file beside it (support-tickets-agent-[hash].js), imported only when an
// agent's token arrives: customers never download it; its rarely opened screens come later again
// (support-tickets-admin-[hash].js). A ticket's page (support-tickets-ticket-[hash].js), the
// new-ticket form and the plan table (support-tickets-pages-[hash].js), attachments and the
// English table (support-tickets-en-[hash].js) come the same way, when first needed.
//
// Always a production build, whatever NODE_ENV the shell or a test runner has: Vite picks the
// `development` export condition (Lit's dev build, ~4 KB more gzipped and a console warning on
// every page) when NODE_ENV is anything but production, so the condition is fixed here.
//
// Each file also gets a brotli and a gzip twin (build/precompress.ts) for the server to send as is.
export default defineConfig({
  mode: 'production',
  plugins: [precompress()],
  resolve: {
    conditions: defaultClientConditions.map((condition) => (condition === 'development|production' ? 'production' : condition)),
  },
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
      // Code the main file and a chunk both use (Lit, the API client, shared views) stays in the
      // main file, which exports it to the chunk; the default would move it to a shared chunk
      // that the main file would have to import. Code only chunks share (the agent's workspace,
      // a ticket's page and the customer's pages: the composer, form and table styles, the plan
      // table) is in shared chunks that they import, so the main file stays without it.
      preserveEntrySignatures: 'allow-extension',
      output: {
        // Library mode keeps ES output readable for re-bundling; these files are served as they are.
        minify: true,
        // Everything the main file imports statically stays in it, one self-contained file: left
        // to itself the bundler moves Lit to a shared file the main file would have to import
        // first, as soon as a chunk is imported from another chunk (the agent's admin screens).
        codeSplitting: { groups: [{ name: 'main', tags: ['$initial'] }] },
        chunkFileNames: (chunk) => (chunk.isDynamicEntry ? 'support-tickets-[name]-[hash].js' : 'support-tickets-shared-[hash].js'),
      },
    },
    reportCompressedSize: true,
  },
  define: {
    // Library mode leaves process.env.NODE_ENV to the consumer; a browser page has no `process`.
    'process.env.NODE_ENV': JSON.stringify('production'),
  },
});
