import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);
const mode = process.env.PACE_TEST_MODE === 'distributed' ? 'distributed' : 'embedded';

export default defineConfig({
  resolve: {
    // One graphql module for type-graphql, Apollo and the tests ("another module or realm"): the
    // CommonJS entry that Node itself resolves for the external packages.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    name: `server:${mode}`,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
