import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { hasChromium, noChromiumReason } from './browser'
import { closeBrowser, startHarness, type Harness } from './harness'

/**
 * Photographs the app as a person sees it: the welcome screen and, given an export, the review
 * screen (as it opens, with a recording selected and zoomed in, and the files tab), in light and
 * dark, English and German.
 *   npm run shot -- [archive] [out-dir]
 */
const LANGS = {
  en: { locale: 'en-US', open: 'Open export…', recordings: /^Recordings/, files: /^Files/ },
  de: { locale: 'de-DE', open: 'Export öffnen …', recordings: /^Aufnahmen/, files: /^Dateien/ }
} as const

async function openReview(page: Page, lang: keyof typeof LANGS): Promise<void> {
  await page.getByRole('button', { name: LANGS[lang].open }).click()
  await page.getByRole('tab', { name: LANGS[lang].recordings }).waitFor({ timeout: 240_000 })
  // Every recording has arrived, and the hash has finished, so the picture is the settled screen.
  const total = await page.getByTestId('recording-count').textContent()
  await page.waitForFunction((n) => document.querySelector('[data-testid=filter-count]')?.getAttribute('data-count') === n, total?.replace(/\D/g, ''), { timeout: 240_000 })
  await page.waitForFunction(() => !document.querySelector('[data-testid=sha256]')?.textContent?.match(/comput|berechn/i), null, { timeout: 240_000 }).catch(() => undefined)
}

async function main(): Promise<void> {
  const [archive, outArg] = process.argv.slice(2)
  const out = resolve(outArg ?? 'shots')
  mkdirSync(out, { recursive: true })
  if (!hasChromium()) throw new Error(noChromiumReason)
  const written: string[] = []
  const snap = async (app: Harness, name: string, fullPage = false) => {
    const file = resolve(out, `${name}.png`)
    await app.page.screenshot({ path: file, fullPage })
    written.push(file)
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const lang of ['en', 'de'] as const) {
      const app = await startHarness({ colorScheme, locale: LANGS[lang].locale, viewport: { width: 1440, height: 900 } })
      const { page } = app
      const tag = `${lang}-${colorScheme}`
      try {
        await page.getByRole('button', { name: LANGS[lang].open }).waitFor()
        await page.getByTestId('app-version').waitFor()
        await snap(app, `welcome-${tag}`)
        if (!archive) continue
        app.answerNextDialog(resolve(archive))
        await openReview(page, lang)
        await snap(app, `review-${tag}`)
        if (lang === 'en') await snap(app, `review-${tag}-full`, true)
        // A person at work: a recording selected with J, the timeline zoomed in around it.
        await page.keyboard.press('j')
        await page.getByTestId('detail-time').waitFor()
        await page.getByTestId('timeline-lanes').focus()
        for (let i = 0; i < 4; i++) await page.keyboard.press('+')
        // From the filter bar down: the timeline, the list and the details in one picture.
        await page.locator('.filter-bar').evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 4))
        await snap(app, `review-${tag}-selected`)
        await page.getByRole('tab', { name: LANGS[lang].files }).click()
        await page.getByTestId('file-row').first().waitFor()
        await page.evaluate(() => window.scrollTo(0, 0))
        await snap(app, `files-${tag}`)
      } finally {
        await app.close()
      }
    }
  }
  await closeBrowser()
  for (const f of written) console.log(f)
}

main().catch(async (err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err))
  await closeBrowser()
  process.exit(1)
})
