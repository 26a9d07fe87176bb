import { writeFile } from 'node:fs/promises'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { generateExport, type GeneratedExport } from '../src/core/generate'
import { renameBytes, workDir, zipBuffer } from '../test/fixtures/archives'
import { expect, test } from './fixtures'

/**
 * axe on every main screen in both themes (and German, whose longer words wrap differently):
 * no serious or critical violation. The review screen's files tab is checked in review.spec.ts.
 */

let work: Awaited<ReturnType<typeof workDir>>
let made: GeneratedExport
let broken: string
test.beforeAll(async () => {
  work = await workDir()
  made = await generateExport(
    { provider: 'amazon', own: 20, foreign: 12, kind: 'combined', seed: 'e2e-a11y', clips: { sampleRate: 8000, maxSeconds: 0.2 } },
    work.path('a11y.zip')
  )
  const good = await zipBuffer([
    { name: 'Alexa/audio/one.wav', data: Buffer.alloc(4000, 1) },
    { name: 'xx/evil.wav', data: 'not really audio' }
  ])
  broken = work.path('broken-a11y.zip')
  await writeFile(broken, renameBytes(good, 'xx/evil.wav', '../evil.wav'))
})
test.afterAll(async () => {
  await work.done()
})

async function serious(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)
}

async function theme(page: Page, which: 'light' | 'dark', label = 'Theme'): Promise<void> {
  await page.getByRole('combobox', { name: label }).selectOption(which)
  await expect(page.locator('html')).toHaveAttribute('data-theme', which)
}

async function open(app: { page: Page; answerNextDialog(path: string): void }, path: string, button = 'Open export…'): Promise<void> {
  app.answerNextDialog(path)
  await app.page.getByRole('button', { name: button }).click()
}

for (const which of ['light', 'dark'] as const) {
  test(`welcome and a failed open, ${which}`, async ({ app }) => {
    const { page } = app
    await theme(page, which)
    await expect(page.getByTestId('app-version')).toBeVisible()
    expect(await serious(page), 'welcome').toEqual([])

    const notes = work.path(`notes-${which}.zip`)
    await writeFile(notes, 'not an archive')
    await open(app, notes)
    await expect(page.getByRole('alert')).toContainText('is not a ZIP or tar archive')
    expect(await serious(page), 'open error').toEqual([])
  })

  test(`overview of a broken export with its problems, ${which}`, async ({ app }) => {
    const { page } = app
    await theme(page, which)
    await open(app, broken)
    await expect(page.getByTestId('problems')).toContainText('../evil.wav')
    expect(await serious(page), 'overview with problems').toEqual([])
  })

  test(`review screen with devices, timeline, list and a selection, ${which}, German`, async ({ app }) => {
    const { page } = app
    await theme(page, which)
    await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
    await open(app, made.paths[0]!, 'Export öffnen …')
    await expect(page.getByTestId('filter-count')).toHaveAttribute('data-count', String(made.truth.counts.recordings), { timeout: 30_000 })
    await expect(page.getByTestId('device-card')).toHaveCount(made.truth.devices.length)
    expect(await serious(page), 'overview and review').toEqual([])
    await page.keyboard.press('j')
    await expect(page.getByTestId('detail-time')).toBeVisible()
    // Hover a mark so the tooltip is part of the page axe sees.
    const canvas = page.getByTestId('timeline-canvas')
    await canvas.scrollIntoViewIfNeeded()
    const box = (await canvas.boundingBox())!
    await page.mouse.move(box.x + box.width / 2, box.y + 26 + 16)
    await page.getByTestId('search').fill('a')
    expect(await serious(page), 'review with a selection and a filter').toEqual([])
  })

  test(`the review workspace in English: panes, the note and the reasons open, the narrow rail and its flyout, ${which}`, async ({ app }) => {
    const { page } = app
    await page.setViewportSize({ width: 1280, height: 800 })
    await theme(page, which)
    await open(app, made.paths[0]!)
    await expect(page.getByTestId('filter-count')).toHaveAttribute('data-count', String(made.truth.counts.recordings), { timeout: 30_000 })
    await page.keyboard.press('j')
    await expect(page.getByTestId('detail-time')).toBeVisible()
    await page.keyboard.press('e')
    await expect(page.getByTestId('note-recording')).toBeFocused()
    await page.getByText('Duration, source row and more').click()
    await expect(page.locator('.row-wave').first()).toBeVisible()
    expect(await serious(page), 'workspace with a selection').toEqual([])
    await page.setViewportSize({ width: 1000, height: 760 })
    await page.getByTestId('rail-devices').click()
    await expect(page.getByTestId('device-card').first()).toBeVisible()
    expect(await serious(page), 'narrow rail with the devices open').toEqual([])
  })
}
