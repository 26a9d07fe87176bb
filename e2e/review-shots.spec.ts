import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

/**
 * Photographs and times the review screen on a given export. Skipped unless asked for:
 *   REVIEW_EXPORT=/path/export.zip REVIEW_SHOTS=/tmp/shots npx playwright test e2e/review-shots.spec.ts
 * REVIEW_SHOTS: where the PNGs go (light, dark, German, zoomed with a selection, filtered, files).
 * REVIEW_PERF=1: also prints the time to the first row and p95 frame times while scrolling the list
 * and zooming the timeline (the figures bench:ui will report).
 */
const archive = process.env.REVIEW_EXPORT
const shots = process.env.REVIEW_SHOTS
const perf = process.env.REVIEW_PERF === '1'

test.skip(!archive || (!shots && !perf), 'set REVIEW_EXPORT and REVIEW_SHOTS (or REVIEW_PERF=1) to run')
test.setTimeout(300_000)

/** Opens the export; returns ms from the screen appearing (index ready) to the first row, and to all recordings loaded. */
async function open(app: { page: Page; answerNextDialog(path: string): void }): Promise<{ firstRowMs: number; allLoadedMs: number }> {
  app.answerNextDialog(resolve(archive!))
  await app.page.getByRole('button', { name: 'Open export…' }).click()
  await app.page.getByRole('tab', { name: /^Recordings/ }).waitFor({ timeout: 240_000 })
  const ready = Date.now()
  await expect(app.page.getByTestId('recording-row').first()).toBeVisible({ timeout: 240_000 })
  const firstRowMs = Date.now() - ready
  const total = await app.page.getByTestId('recording-count').textContent()
  await expect(app.page.getByTestId('filter-count')).toContainText(total!, { timeout: 240_000 })
  return { firstRowMs, allLoadedMs: Date.now() - ready }
}

/** Frame-to-frame times (ms) while `act` runs, measured in the page with requestAnimationFrame. */
async function frames(page: Page, act: () => Promise<void>): Promise<{ p95: number; max: number; n: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean }
    w.__frames = []
    w.__stop = false
    let last = performance.now()
    const tick = (now: number) => {
      w.__frames.push(now - last)
      last = now
      if (!w.__stop) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
  await act()
  const times = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean }
    w.__stop = true
    return w.__frames.slice(2)
  })
  const sorted = [...times].sort((a, b) => a - b)
  return { p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0, max: sorted.at(-1) ?? 0, n: sorted.length }
}

test('review screen photographs', async ({ app }) => {
  test.skip(!shots, 'REVIEW_SHOTS not set')
  const { page } = app
  await open(app)
  const snap = (name: string, full = false) => page.screenshot({ path: resolve(shots!, `review-${name}.png`), fullPage: full })
  await snap('light')
  await snap('light-full', true)
  // Select a recording of the first lane, zoom in around it, hover it.
  await page.keyboard.press('j')
  await page.getByTestId('timeline-lanes').focus()
  for (let i = 0; i < 3; i++) await page.keyboard.press('+')
  await page.getByTestId('timeline').scrollIntoViewIfNeeded()
  // Hover the selected mark: find the selection's vertical line (the focus colour) on the canvas.
  const canvas = page.getByTestId('timeline-canvas')
  const at = await canvas.evaluate((c: HTMLCanvasElement) => {
    const dpr = window.devicePixelRatio || 1
    const row = c.getContext('2d')!.getImageData(0, Math.round(c.height - 3 * dpr), c.width, 1).data
    for (let x = 0; x < c.width; x++) if (row[x * 4]! > 200 && row[x * 4 + 1]! > 120 && row[x * 4 + 1]! < 190 && row[x * 4 + 2]! < 60) return x / dpr
    return -1
  })
  if (at >= 0) {
    const box = (await canvas.boundingBox())!
    const lane = await page.locator('.lane-label').evaluateAll((els) => els.findIndex((e) => e.textContent?.includes(document.querySelector('[data-testid=detail-device] .lane-name')?.textContent ?? '\u0000')))
    await page.mouse.move(box.x + at + 1, box.y + 26 + Math.max(0, lane) * 32 + 16)
  }
  await snap('zoomed')
  await page.getByTestId('timeline-lanes').focus()
  for (let i = 0; i < 22; i++) await page.keyboard.press('+')
  await snap('seconds')
  await page.keyboard.press('0')
  if (await page.getByTestId('device-card').count()) await page.getByTestId('device-card').first().getByRole('button').click()
  await page.getByTestId('search').fill('licht')
  await page.getByTestId('timeline').scrollIntoViewIfNeeded()
  await snap('filtered')
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark')
  await snap('dark-filtered')
  await page.getByRole('button', { name: 'Clear filters' }).first().click()
  await page.evaluate(() => window.scrollTo(0, 0))
  await snap('dark')
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  await snap('dark-de')
  await page.getByRole('combobox', { name: 'Darstellung' }).selectOption('light')
  await page.getByRole('tab', { name: /^Dateien/ }).click()
  await snap('files-de')
})

test('review screen timings', async ({ app }) => {
  test.skip(!perf, 'REVIEW_PERF not set')
  const { page } = app
  const opened = await open(app)
  const list = page.getByTestId('recording-list')
  await list.scrollIntoViewIfNeeded()
  const scroll = await frames(page, async () => {
    const box = (await list.boundingBox())!
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    for (let i = 0; i < 60; i++) await page.mouse.wheel(0, 900)
  })
  const keys = await frames(page, async () => {
    await list.focus()
    for (let i = 0; i < 60; i++) await page.keyboard.press('j')
  })
  await page.getByTestId('timeline').scrollIntoViewIfNeeded()
  const zoom = await frames(page, async () => {
    const box = (await page.getByTestId('timeline-canvas').boundingBox())!
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2)
    for (let i = 0; i < 40; i++) await page.mouse.wheel(0, -120)
    for (let i = 0; i < 40; i++) await page.mouse.wheel(0, 120)
  })
  const search = Date.now()
  await page.getByTestId('search').fill('licht')
  await expect(page.getByTestId('filter-count')).toContainText('Showing')
  const searchMs = Date.now() - search
  const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0)
  console.log(
    JSON.stringify({
      ...opened,
      listScroll: scroll,
      listKeys: keys,
      timelineZoom: zoom,
      searchMs,
      heapMB: Math.round(heap / 1e6)
    })
  )
})
