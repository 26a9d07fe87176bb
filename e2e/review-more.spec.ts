import type { Page } from '@playwright/test'
import { generateExport, type GeneratedExport, type Truth } from '../src/core/generate'
import { workDir } from '../test/fixtures/archives'
import { expect, test } from './fixtures'

/**
 * More of the review screen on a generated export: times in the user's own zone with UTC on hover,
 * sorting by each column, and the details fetched whole for the selected recording.
 */

let work: Awaited<ReturnType<typeof workDir>>
let made: GeneratedExport
test.beforeAll(async () => {
  work = await workDir()
  made = await generateExport(
    { provider: 'amazon', own: 25, foreign: 15, kind: 'unregistered-device', seed: 'e2e-review-more', clips: { sampleRate: 8000, maxSeconds: 0.2 } },
    work.path('review-more.zip')
  )
})
test.afterAll(async () => {
  await work.done()
})

async function openExport(app: { page: Page; answerNextDialog(path: string): void }, truth: Truth): Promise<void> {
  app.answerNextDialog(made.paths[0]!)
  await app.page.getByRole('button', { name: 'Open export…' }).click()
  await expect(app.page.getByTestId('filter-count')).toHaveAttribute('data-count', String(truth.counts.recordings), { timeout: 30_000 })
}

const rows = (page: Page) => page.getByTestId('recording-row')
const byTime = (truth: Truth) => [...truth.recordings].sort((a, b) => Date.parse(a.time!) - Date.parse(b.time!))
const hms = (ms: number, offsetMinutes: number) => new Date(ms + offsetMinutes * 60_000).toISOString().slice(11, 19)
const twelveHour = (t: string) => {
  const h = Number(t.slice(0, 2)) % 12 || 12
  return `${String(h).padStart(2, '0')}${t.slice(2)}`
}

test('times are shown in the user’s time zone, with UTC on hover', async ({ app }) => {
  const { page } = app
  // Japan: +09:00 all year (no daylight saving), so a shown time can only be right if the zone was applied.
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setTimezoneOverride', { timezoneId: 'Asia/Tokyo' })
  await openExport(app, made.truth)
  const first = Date.parse(byTime(made.truth)[0]!.time!)
  const local = twelveHour(hms(first, 540))
  const utc = `${new Date(first).toISOString().slice(0, 19).replace('T', ' ')} UTC`

  await expect(page.getByRole('columnheader', { name: /^Time/ })).toContainText('Asia/Tokyo')
  const cell = rows(page).first().locator('.c-time')
  await expect(cell).toContainText(local)
  await expect(cell).toHaveAttribute('title', utc)
  await page.keyboard.press('j')
  await expect(page.getByTestId('detail-time')).toContainText(local)
  await expect(page.getByTestId('detail-time')).toContainText(utc)
  await expect(page.getByTestId('recording-detail')).toContainText('Time (Asia/Tokyo)')
  // The device card's first activity: local to the minute, UTC in its title.
  const lane = made.truth.devices.find((d) => d.serial === byTime(made.truth)[0]!.deviceSerial)!
  const card = page.getByTestId('device-card').filter({ hasText: lane.serial })
  const firstSeen = Math.min(...made.truth.recordings.filter((r) => r.deviceSerial === lane.serial).map((r) => Date.parse(r.time!)))
  await expect(card.locator(`dd[title="${new Date(firstSeen).toISOString().slice(0, 19).replace('T', ' ')} UTC"]`)).toContainText(twelveHour(hms(firstSeen, 540)).slice(0, 5))
})

test('the list sorts by time, device and transcript, both ways', async ({ app }) => {
  const { page } = app
  const { truth } = made
  await openExport(app, truth)
  const grid = page.getByTestId('recording-list')
  const header = (name: RegExp) => page.getByRole('columnheader', { name })
  await expect(header(/^Time/)).toHaveAttribute('aria-sort', 'ascending')

  // By transcript: the collator's first, then (again) its last.
  const collator = new Intl.Collator('en-US', { sensitivity: 'base', numeric: true })
  const said = truth.recordings.map((r) => r.transcript!).filter(Boolean).sort(collator.compare)
  await page.getByRole('button', { name: /^What was said/ }).click()
  await expect(header(/^What was said/)).toHaveAttribute('aria-sort', 'ascending')
  await expect(header(/^Time/)).toHaveAttribute('aria-sort', 'none')
  await expect(rows(page).first().locator('.c-text')).toHaveText(said[0]!)
  await page.getByRole('button', { name: /^What was said/ }).click()
  await expect(header(/^What was said/)).toHaveAttribute('aria-sort', 'descending')
  await expect(rows(page).first().locator('.c-text')).toHaveText(said.at(-1)!)

  // By device: in the cards' order (the unregistered device first), and reversed.
  const cards = page.getByTestId('device-card')
  const firstCard = await cards.first().getAttribute('data-device-id')
  await grid.getByRole('button', { name: /^Device/ }).click()
  await expect(header(/^Device/)).toHaveAttribute('aria-sort', 'ascending')
  await expect(rows(page).first()).toHaveAttribute('data-device', firstCard!)
  await grid.getByRole('button', { name: /^Device/ }).click()
  await expect(rows(page).first()).not.toHaveAttribute('data-device', firstCard!)
  await grid.focus()
  await page.keyboard.press('End')
  await expect(page.locator('[data-testid=recording-row][aria-selected=true]')).toHaveAttribute('data-device', firstCard!)
})

test('the selected recording’s details come whole: its source row as the export wrote it', async ({ app }) => {
  const { page } = app
  const { truth } = made
  await openExport(app, truth)
  const target = byTime(truth).find((r) => r.transcript)!
  await page.keyboard.press('j')
  await expect(page.getByTestId('detail-transcript')).toContainText(target.transcript!)
  const source = page.getByTestId('detail-source')
  // Beyond what the pane shows at once: one click opens the rest, and it stays open.
  await page.getByText('Duration, source row and more').click()
  await expect(source).toContainText(/VoiceHistory.*\.csv:\d+/)
  await source.getByText('The row as the export wrote it').click()
  const fields = page.getByTestId('detail-source-fields')
  await expect(fields).toBeVisible()
  await expect(fields).toContainText(target.transcript!)
  await expect(fields).toContainText(target.deviceSerial!)
  // The next recording's row replaces it (fetched for the new selection), and stays open.
  const next = byTime(truth)[byTime(truth).indexOf(target) + 1]!
  const line = (await source.textContent())!.match(/csv:\d+/)![0]
  await page.keyboard.press('j')
  await expect(page.getByTestId('detail-transcript')).toContainText(next.transcript!)
  await expect(fields).toContainText(next.transcript!)
  await expect(source).not.toContainText(new RegExp(`${line}(?!\\d)`))
})

test('the recording pane stays in the window below the filters and the list, however the bar wraps (German, 1280 wide)', async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 1280, height: 800 })
  await openExport(app, made.truth)
  await rows(page).first().click()
  for (const lang of ['en', 'de']) {
    await page.getByRole('combobox', { name: /Language|Sprache/ }).selectOption(lang)
    const bar = (await page.locator('.filter-bar').boundingBox())!
    const timeline = (await page.getByTestId('timeline').boundingBox())!
    const list = (await page.getByTestId('recording-list').boundingBox())!
    const pane = (await page.getByTestId('recording-detail').boundingBox())!
    expect(bar.y + bar.height).toBeLessThanOrEqual(timeline.y)
    expect(list.y + list.height).toBeLessThanOrEqual(pane.y)
    expect(pane.y + pane.height).toBeLessThanOrEqual(800)
    expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(0)
  }
})
