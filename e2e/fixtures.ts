import { test as base, expect } from '@playwright/test'
import { closeBrowser, startHarness, type Harness, type HarnessOptions } from './harness'
import { hasChromium, noChromiumReason } from './browser'

/** Every spec gets `app`: the real UI in Chromium wired to the real core services. */
export const test = base.extend<{ harnessOptions: HarnessOptions; app: Harness }>({
  harnessOptions: [{}, { option: true }],
  app: async ({ harnessOptions }, use, testInfo) => {
    if (!hasChromium()) {
      // Under CI a missing browser is a failure, never a skip (scripts/test.mjs checks it before this).
      if (process.env.CI === 'true') throw new Error(noChromiumReason)
      testInfo.skip(true, noChromiumReason)
    }
    const harness = await startHarness(harnessOptions)
    await use(harness)
    await harness.close()
  }
})

test.afterAll(async () => {
  await closeBrowser()
})

export { expect }
