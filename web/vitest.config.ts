import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Unit tests of the web's logic (the outbox, sync, the local month) in Node, IndexedDB faked.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname, 'src') } },
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});
