import { defineConfig } from '@playwright/test'

// Browsers are never downloaded: the harness launches Debian's Chromium itself (e2e/browser.ts).

// The engine the harness runs refuses a field-by-field copy of a recording kept as columns (recording-columns.ts), as under vitest.
process.env.EXPORTSCOPE_REFUSE_COPIES = '1'

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results'
})
