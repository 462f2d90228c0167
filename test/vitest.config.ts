/**
 * The test suite's settings (`npm test` passes this file). Generous timeouts: the CLI tests start
 * real qingxi processes, which load jieba-wasm, on a 2-core machine.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ['test/temp-dir.setup.ts'],
  },
});
