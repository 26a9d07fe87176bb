import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { Page } from '@playwright/test'
import { hasChromium, noChromiumReason } from './browser'
import { closeBrowser, startHarness, type Harness } from './harness'

/**
 * Photographs the app as a person sees it: the welcome screen and, given an export, the review
 * workspace with a recording selected (as it opens, and with the timeline zoomed in around it) and
 * the files tab, in light and dark, English and German.
 *
 *   npm run shot -- [archive] [--out DIR] [--size WxH] [--tag NAME] [--lang en,de] [--theme light,dark]
 *
 * Files are named `<screen>[-<tag>]-<lang>-<theme>[-<W>x<H>].png` (the size only when it is not
 * 1440x900): the names the README uses. Each review picture is checked for page scroll (the
 * workspace must fit the window), and the run fails if one scrolls.
 */
const LANGS = {
  en: { locale: 'en-US', open: 'Open export…', recordings: /^Recordings/, files: /^Files/ },
  de: { locale: 'de-DE', open: 'Export öffnen …', recordings: /^Aufnahmen/, files: /^Dateien/ }
} as const
type Lang = keyof typeof LANGS
type Theme = 'light' | 'dark'
const DEFAULT_SIZE = '1440x900'

const usage = 'usage: npm run shot -- [archive] [--out DIR] [--size WxH] [--tag NAME] [--lang en,de] [--theme light,dark]'

function options() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'shots' },
      size: { type: 'string', default: DEFAULT_SIZE },
      tag: { type: 'string' },
      lang: { type: 'string', default: 'en,de' },
      theme: { type: 'string', default: 'light,dark' },
      help: { type: 'boolean', short: 'h' }
    }
  })
  if (values.help) {
    console.log(usage)
    process.exit(0)
  }
  const size = /^(\d{3,4})x(\d{3,4})$/.exec(values.size)
  if (!size) throw new Error(`--size must look like 1440x900, not "${values.size}"\n${usage}`)
  const langs = values.lang.split(',').filter(Boolean)
  const themes = values.theme.split(',').filter(Boolean)
  for (const l of langs) if (!(l in LANGS)) throw new Error(`--lang: "${l}" is not one of en, de`)
  for (const th of themes) if (th !== 'light' && th !== 'dark') throw new Error(`--theme: "${th}" is not light or dark`)
  const [archive, outArg] = positionals
  return {
    archive: archive ? resolve(archive) : null,
    // The old form `shot <archive> <out-dir>` still works.
    out: resolve(outArg ?? values.out),
    viewport: { width: Number(size[1]), height: Number(size[2]) },
    suffix: values.size === DEFAULT_SIZE ? '' : `-${values.size}`,
    tag: values.tag ? `-${values.tag}` : '',
    langs: langs as Lang[],
    themes: themes as Theme[]
  }
}

async function openReview(page: Page, lang: Lang): Promise<void> {
  await page.getByRole('button', { name: LANGS[lang].open }).click()
  await page.getByRole('tab', { name: LANGS[lang].recordings }).waitFor({ timeout: 240_000 })
  // Every recording has arrived, and the hash has finished, so the picture is the settled screen. The
  // count is read from the tab, which every width shows (a narrow window folds the summary into its rail).
  const total = await page.getByRole('tab', { name: LANGS[lang].recordings }).textContent()
  await page.waitForFunction((n) => document.querySelector('[data-testid=filter-count]')?.getAttribute('data-count') === n, total?.replace(/\D/g, ''), { timeout: 240_000 })
  await page.waitForFunction(() => !document.querySelector('[data-testid=sha256]')?.textContent?.match(/comput|berechn/i), null, { timeout: 240_000 }).catch(() => undefined)
}

/** The first foreign (else suspect, else any) recording, selected as a person reviewing would. */
async function selectTelling(page: Page): Promise<void> {
  const rows = page.getByTestId('recording-row')
  const telling = rows.and(page.locator('.tone-foreign, .tone-suspect')).first()
  await ((await telling.count()) > 0 ? telling : rows.first()).click()
  await page.getByTestId('detail-time').waitFor()
  // The waveform drawn (or the pane saying why not) before the picture is taken.
  await page.waitForFunction(() => {
    const p = document.querySelector('[data-testid=player]')
    return !p || p.querySelector('[data-drawn=true]') || ['error', 'none', 'failed'].includes(p.getAttribute('data-status') ?? '')
  }, null, { timeout: 60_000 }).catch(() => undefined)
  // The Length column settled: lengths still to come show a quiet "…", not what a person sees a moment later.
  await page.waitForFunction(() => !document.querySelector('[data-testid=recording-row] [data-length=pending]'), null, { timeout: 60_000 }).catch(() => undefined)
}

/** The page must not scroll: the workspace is exactly the window. */
async function pageScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)
}

async function main(): Promise<void> {
  const o = options()
  mkdirSync(o.out, { recursive: true })
  if (!hasChromium()) throw new Error(noChromiumReason)
  const written: string[] = []
  const scrolls: string[] = []
  const snap = async (app: Harness, name: string) => {
    const file = resolve(o.out, `${name}.png`)
    await app.page.screenshot({ path: file })
    written.push(file)
  }

  for (const colorScheme of o.themes) {
    for (const lang of o.langs) {
      const app = await startHarness({ colorScheme, locale: LANGS[lang].locale, viewport: o.viewport })
      const { page } = app
      const tag = `${lang}-${colorScheme}${o.suffix}`
      try {
        await page.getByRole('button', { name: LANGS[lang].open }).waitFor()
        await page.getByTestId('app-version').waitFor()
        await snap(app, `welcome-${tag}`)
        if (!o.archive) continue
        app.answerNextDialog(o.archive)
        await openReview(page, lang)
        await selectTelling(page)
        const over = await pageScroll(page)
        if (over > 0) scrolls.push(`review${o.tag}-${tag}: the page scrolls by ${over} px`)
        await snap(app, `review${o.tag}-${tag}`)
        // Reviewing: the timeline zoomed in around the selected recording.
        await page.getByTestId('timeline-lanes').focus()
        for (let i = 0; i < 4; i++) await page.keyboard.press('+')
        await snap(app, `review${o.tag}-${tag}-zoomed`)
        await page.getByRole('tab', { name: LANGS[lang].files }).click()
        await page.getByTestId('file-row').first().waitFor()
        await snap(app, `files${o.tag}-${tag}`)
      } finally {
        await app.close()
      }
    }
  }
  await closeBrowser()
  for (const f of written) console.log(f)
  if (scrolls.length > 0) throw new Error(`the review does not fit the window:\n${scrolls.join('\n')}`)
}

main().catch(async (err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err))
  await closeBrowser()
  process.exit(1)
})
