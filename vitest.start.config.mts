import { defineConfig } from 'vitest/config'

// Tests of `npm start` itself (download failing, download from a loopback mirror, stand-in binary).
// npm test runs them after the build: the stand-in launch rebuilds out/, which must not race the
// built-CLI tests that read it.
export default defineConfig({
  test: {
    include: ['test/start/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    fileParallelism: false,
    passWithNoTests: false
  }
})
