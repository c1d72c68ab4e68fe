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
console.log(`server built into server/dist in ${Date.now() - started} ms`);
