import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { hasChromium, noChromiumReason } from './browser'
import { closeBrowser, startHarness, type Harness } from './harness'

/** Photographs the app as a person sees it: each main screen, light and dark. */
async function main(): Promise<void> {
  const [archive, outArg] = process.argv.slice(2)
  const out = resolve(outArg ?? 'shots')
  mkdirSync(out, { recursive: true })
  if (!hasChromium()) throw new Error(noChromiumReason)
  const written: string[] = []
  const snap = async (app: Harness, name: string) => {
    const file = resolve(out, `${name}.png`)
    await app.page.screenshot({ path: file, fullPage: true })
    written.push(file)
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    const app = await startHarness({ colorScheme })
    try {
      await app.page.getByRole('heading', { level: 1, name: 'Exportscope' }).waitFor()
      await app.page.getByTestId('app-version').waitFor()
      await snap(app, `welcome-${colorScheme}`)
      if (colorScheme === 'light') {
        await app.page.getByRole('combobox', { name: 'Language' }).selectOption('de')
        await app.page.getByRole('button', { name: 'Export öffnen …' }).waitFor()
        await snap(app, 'welcome-de')
        await app.page.getByRole('combobox', { name: 'Sprache' }).selectOption('en')
      }
      if (archive) {
        app.answerNextDialog(resolve(archive))
        await app.page.getByRole('button', { name: 'Open export…' }).click()
        await app.page.locator('.overview, .open-error').first().waitFor({ timeout: 120_000 })
        await app.page.waitForFunction(() => !document.querySelector('[data-testid=sha256]')?.textContent?.includes('computing'), null, { timeout: 120_000 }).catch(() => undefined)
        await snap(app, `overview-${colorScheme}`)
      }
    } finally {
      await app.close()
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
