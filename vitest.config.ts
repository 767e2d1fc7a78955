import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Dashboard tests live in web/test; component tests opt into happy-dom per file.
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/test/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    // The JSON report lets .ci/run print a plain "N passed, N failed" line that CI can read.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-output/vitest.json' },
  },
});
