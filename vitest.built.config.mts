import { defineConfig } from 'vitest/config'

// Tests that run what `npm run build` produced (bin/exportscope, out/); npm test runs them after the build.
export default defineConfig({
  test: {
    include: ['test/built/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    passWithNoTests: false
  }
})
