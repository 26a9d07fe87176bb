import type { Page } from '@playwright/test'
import { readFile, writeFile } from 'node:fs/promises'
import { generateExport, type GeneratedExport } from '../src/core/generate'
import { workDir } from '../test/fixtures/archives'
import { expect, test } from './fixtures'

/**
 * The review as a workspace: at 1280×800 the timeline, the list and the selected recording's
 * waveform are on one screen without page scroll; the keyboard moves through 20 recordings and the
 * waveform pane follows each one; pane sizes are dragged and remembered; a narrow window shows the
 * side as a rail of icons.
 */

let work: Awaited<ReturnType<typeof workDir>>
let made: GeneratedExport
test.beforeAll(async () => {
  work = await workDir()
  made = await generateExport({ provider: 'amazon', own: 18, foreign: 12, kind: 'unregistered-device', seed: 'e2e-workspace', clips: { sampleRate: 8000, maxSeconds: 2 } }, work.path('workspace.zip'))
})
test.afterAll(async () => {
  await work.done()
})

test.use({ harnessOptions: { viewport: { width: 1280, height: 800 } } })

async function openExport(app: { page: Page; answerNextDialog(path: string): void }): Promise<void> {
  app.answerNextDialog(made.paths[0]!)
  await app.page.getByRole('button', { name: 'Open export…' }).click()
  await expect(app.page.getByTestId('filter-count')).toHaveAttribute('data-count', String(made.truth.counts.recordings), { timeout: 30_000 })
}

const inView = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((el) => {
    const r = el.getBoundingClientRect()
    return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth && r.height > 0
  })

test('timeline, list and waveform on one screen; the keyboard moves through 20 recordings and the waveform follows', async ({ app }) => {
  const { page } = app
  await openExport(app)
  await page.keyboard.press('j')
  await expect(page.getByTestId('player-wave')).toHaveAttribute('data-drawn', 'true', { timeout: 20_000 })
  // One screen: nothing below the window, and each pane fully inside it.
  expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(0)
  for (const id of ['timeline', 'recording-list', 'player-wave', 'player-play', 'detail-time', 'side-pane']) expect(await inView(page, id), id).toBe(true)
  // The waveform spans at least half the window.
  const wave = (await page.getByTestId('player-wave').boundingBox())!
  expect(wave.width).toBeGreaterThanOrEqual(1280 / 2)

  const byTime = [...made.truth.recordings].sort((a, b) => Date.parse(a.time!) - Date.parse(b.time!))
  const seen = new Set<string>()
  for (let k = 0; k < 20; k++) {
    const expected = byTime[k]!
    // J for the first ten, the down arrow (the list has the focus) for the next ten.
    const selected = page.getByTestId('recording-detail')
    await expect(selected).toHaveAttribute('data-selected', /.+/)
    const id = await selected.getAttribute('data-selected')
    expect(seen.has(id!), `recording ${k} is a new one`).toBe(false)
    seen.add(id!)
    if (expected.transcript) await expect(page.getByTestId('detail-transcript')).toContainText(expected.transcript)
    // The waveform pane shows this recording's peaks, drawn, and stays on screen.
    await expect(page.getByTestId('player-wave')).toHaveAttribute('data-drawn', 'true', { timeout: 20_000 })
    expect(await inView(page, 'player-wave'), `waveform in view at recording ${k}`).toBe(true)
    expect(await inView(page, 'player-play'), `transport in view at recording ${k}`).toBe(true)
    // The selected row stays visible in the list as it moves.
    const row = page.locator(`[data-testid=recording-row][data-id="${id}"]`)
    await expect(row).toHaveAttribute('aria-selected', 'true')
    expect(await row.evaluate((el) => {
      const list = el.closest('[data-testid=recording-list]')!.getBoundingClientRect()
      const r = el.getBoundingClientRect()
      return r.top >= list.top && r.bottom <= list.bottom
    })).toBe(true)
    await page.keyboard.press(k < 10 ? 'j' : 'ArrowDown')
  }
  expect(seen.size).toBe(20)
  expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(0)
})

test('list rows draw small waveforms from the cached peaks, with a quiet placeholder before', async ({ app }) => {
  const { page } = app
  await openExport(app)
  // Every visible row with audio gets its waveform once the background peaks are made: no placeholder is left.
  await expect.poll(() => page.locator('.row-wave.pending').count(), { timeout: 30_000 }).toBe(0)
  const shown = await page.getByTestId('recording-row').count()
  expect(await page.getByTestId('row-wave').count()).toBeGreaterThanOrEqual(shown - made.truth.counts.withoutAudio)
  // Drawn, not blank: the first row's waveform has a bar per bucket, some taller than silence.
  const bars = await page.getByTestId('row-wave').first().evaluate((svg) => {
    const ink = svg.querySelector<SVGPathElement>('path.ink')!
    const clip = svg.querySelector<SVGPathElement>('path.clip')
    const count = (p: SVGPathElement | null) => (p?.getAttribute('d')?.match(/M/g) ?? []).length
    return { bars: count(ink) + count(clip), height: Math.max(ink.getBBox().height, clip?.getBBox().height ?? 0), fill: getComputedStyle(ink).fill }
  })
  expect(bars.bars).toBe(40)
  expect(bars.height).toBeGreaterThan(2)
  expect(bars.fill).not.toBe('none')
})

test('pane sizes are dragged, kept across a reload, and a narrow window shows the side as a rail', async ({ app }) => {
  const { page } = app
  await openExport(app)
  const splitter = page.getByTestId('splitter-recording')
  const before = Number(await splitter.getAttribute('aria-valuenow'))
  const box = (await splitter.boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2, box.y - 60, { steps: 4 })
  await page.mouse.up()
  const after = Number(await splitter.getAttribute('aria-valuenow'))
  expect(after).toBeGreaterThan(before + 40)
  // The keyboard resizes too.
  await page.getByTestId('splitter-timeline').focus()
  const t0 = Number(await page.getByTestId('splitter-timeline').getAttribute('aria-valuenow'))
  await page.keyboard.press('ArrowUp')
  expect(Number(await page.getByTestId('splitter-timeline').getAttribute('aria-valuenow'))).toBeLessThan(t0)
  // Remembered with the settings: after a reload the pane has its size.
  await page.reload()
  await openExport(app)
  expect(Number(await page.getByTestId('splitter-recording').getAttribute('aria-valuenow'))).toBe(after)

  // A folded section keeps its count in view.
  await page.getByTestId('side-toggle-devices').click()
  await expect(page.getByTestId('side-toggle-devices')).toHaveAttribute('aria-expanded', 'false')
  await expect(page.getByTestId('side-toggle-devices')).toContainText(String(made.truth.devices.length))
  await expect(page.getByTestId('device-card')).toHaveCount(0)

  await page.setViewportSize({ width: 1000, height: 760 })
  await expect(page.getByTestId('side-rail')).toBeVisible()
  await expect(page.getByTestId('side-pane')).toHaveCount(0)
  await page.getByTestId('rail-findings').click()
  await expect(page.getByTestId('findings')).toBeVisible()
})

test('a damaged export at 1280×800: its problems one line each, and still three whole rows, the timeline and the player on screen', async ({ app }) => {
  const { page } = app
  // An interrupted download: the export cut at 70 %, its central directory lost.
  const whole = await readFile(made.paths[0]!)
  const cut = work.path('cut.zip')
  await writeFile(cut, whole.subarray(0, Math.floor(whole.length * 0.7)))
  app.answerNextDialog(cut)
  await page.getByRole('button', { name: 'Open export…' }).click()
  const panel = page.getByTestId('problems')
  await expect(panel.getByRole('heading', { name: /problems? while reading/ })).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('recording-row').first()).toBeVisible()
  await page.getByTestId('recording-row').first().click()

  expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(0)
  for (const id of ['problems', 'timeline', 'recording-list', 'player-play']) expect(await inView(page, id), id).toBe(true)
  const list = (await page.getByTestId('recording-list').boundingBox())!
  const whole3 = await page.getByTestId('recording-row').evaluateAll((rows, box) => rows.filter((r) => {
    const b = r.getBoundingClientRect()
    return b.top >= box.y && b.bottom <= box.y + box.height
  }).length, list)
  expect(whole3).toBeGreaterThanOrEqual(3)

  // One line each until asked; asked, a long line wraps and the panel grows.
  const line = panel.locator('li').first()
  const oneLine = await line.evaluate((el) => ({ height: el.getBoundingClientRect().height, cut: el.scrollWidth > el.clientWidth }))
  expect(oneLine.cut).toBe(true)
  await panel.getByRole('button', { name: /^Show (all \d+|in full)$/ }).click()
  await expect.poll(async () => (await line.boundingBox())!.height).toBeGreaterThan(oneLine.height * 1.5)
})
