// Bundles the API and the worker into server/dist with esbuild. Workspace packages (@pace/*) are
// compiled in; every other package stays an external import resolved from node_modules.
import { build } from 'esbuild';

const external = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@pace/') || args.path.startsWith('node:')) return undefined;
      return { path: args.path, external: true };
    });
  },
};

const started = Date.now();
await build({
  entryPoints: {
    main: 'src/main.ts',
    worker: 'src/worker.ts',
    migrate: 'scripts/migrate.ts',
    backup: 'scripts/backup.ts',
    // The PaddleOCR child process, forked by the paddle provider from beside main.js/worker.js.
    'ocr-worker': 'src/features/receipts/ocr/paddle-ocr.worker.ts',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  plugins: [external],
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
});
// The API explorer's browser script and stylesheet (served by src/app/explorer.ts; the same options
// as EXPLORER_BUILD there, which builds them in memory when running from source).
await build({
  entryPoints: { explorer: 'src/explorer-client/main.ts' },
  outdir: 'dist/explorer',
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['chrome100', 'firefox100', 'safari15'],
  define: { 'process.env.NODE_ENV': '"production"', 'globalThis.process': 'true' },
  legalComments: 'none',
  logLevel: 'warning',
});
console.log(`server built into server/dist in ${Date.now() - started} ms`);
