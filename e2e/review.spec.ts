import { writeFile } from 'node:fs/promises'
import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import { generateExport, type GeneratedExport, type Truth } from '../src/core/generate'
import { manyEntriesZip, renameBytes, workDir, zipBuffer } from '../test/fixtures/archives'
import { expect, test } from './fixtures'

/**
 * The review screen on exports the generator makes: an Amazon export with a device the account
 * does not list (the 2018 case in small), checked against the generator's truth.
 */

let work: Awaited<ReturnType<typeof workDir>>
let foreignExport: GeneratedExport
test.beforeAll(async () => {
  work = await workDir()
  foreignExport = await generateExport(
    { provider: 'amazon', own: 40, foreign: 30, kind: 'unregistered-device', seed: 'e2e-review', clips: { sampleRate: 8000, maxSeconds: 0.3 } },
    work.path('review.zip')
  )
})
test.afterAll(async () => {
  await work.done()
})

async function openExport(app: { page: Page; answerNextDialog(path: string): void }, path: string, truth?: Truth): Promise<void> {
  app.answerNextDialog(path)
  await app.page.getByRole('button', { name: 'Open export…' }).click()
  await expect(app.page.getByRole('tab', { name: /^Recordings/ })).toBeVisible({ timeout: 30_000 })
  // Every recording has arrived (listRecordings pages) when the count says so.
  if (truth) await expect(app.page.getByTestId('filter-count')).toHaveAttribute('data-count', String(truth.counts.recordings))
}

const view = async (page: Page) => {
  const range = page.getByTestId('timeline-range')
  await expect(range).toHaveAttribute('data-start', /\d/)
  return { start: Number(await range.getAttribute('data-start')), end: Number(await range.getAttribute('data-end')) }
}

const rows = (page: Page): Locator => page.getByTestId('recording-row')
const selectedRow = (page: Page): Locator => page.locator('[data-testid=recording-row][aria-selected=true]')
const iso = (ms: number) => new Date(ms).toISOString()

test('the device cards match the export, and the unregistered device is called out', async ({ app }) => {
  const { page } = app
  const { truth } = foreignExport
  await openExport(app, foreignExport.paths[0]!, truth)
  await expect(page.getByTestId('recording-count')).toHaveText(String(truth.counts.recordings))
  // Amazon states the account's id; registration.csv's AccountName is a device's name, never shown as the holder.
  await expect(page.getByTestId('account')).toContainText(truth.owner.customerId!)
  await expect(page.getByTestId('account')).not.toContainText(truth.owner.name)

  const cards = page.getByTestId('device-card')
  await expect(cards).toHaveCount(truth.devices.length)
  for (const d of truth.devices) {
    const card = cards.filter({ has: page.getByTestId('device-serial').getByText(d.serial, { exact: true }) })
    await expect(card, `card for ${d.serial}`).toHaveCount(1)
    await expect(card.getByTestId('device-name')).toHaveText(d.name || 'Unnamed device')
    await expect(card).toHaveAttribute('data-registered', String(d.registered))
    await expect(card.getByTestId('device-recordings')).toHaveAttribute('data-count', String(d.recordings))
    await expect(card).toContainText(d.registered ? 'Registered to this account' : 'Not registered to this account')
  }
  const unregistered = truth.devices.filter((d) => !d.registered)
  await expect(page.getByTestId('unregistered-count')).toHaveText(String(unregistered.length))
  await expect(page.getByTestId('devices-alarm')).toContainText('not registered to this account')
  // The loudest card comes first, and its lane is on the timeline with its recordings.
  await expect(cards.first()).toHaveAttribute('data-registered', 'false')
  await expect(page.getByRole('list', { name: 'Devices on the timeline' }).getByRole('listitem').first()).toContainText(unregistered[0]!.name)
})

test('zoom (keys, buttons, wheel) and the brush change the visible range', async ({ app }) => {
  const { page } = app
  const { truth } = foreignExport
  await openExport(app, foreignExport.paths[0]!, truth)
  const times = truth.recordings.map((r) => Date.parse(r.time!))
  const full = await view(page)
  // The whole export is in view at first, padded a little.
  expect(full.start).toBeLessThanOrEqual(Math.min(...times))
  expect(full.end).toBeGreaterThanOrEqual(Math.max(...times))
  await expect(page.getByTestId('timeline-range')).toContainText(`${truth.counts.recordings} in view`)

  // Keys on the focused timeline: + halves the span around the centre, → moves by a fifth.
  const lanes = page.getByTestId('timeline-lanes')
  await lanes.focus()
  await page.keyboard.press('+')
  const zoomed = await view(page)
  expect(zoomed.end - zoomed.start).toBeCloseTo((full.end - full.start) / 2, -3)
  await page.keyboard.press('ArrowRight')
  const panned = await view(page)
  expect(panned.start - zoomed.start).toBeCloseTo((zoomed.end - zoomed.start) * 0.2, -3)
  await page.keyboard.press('-')
  await page.keyboard.press('0')
  expect(await view(page)).toEqual(full)

  // Down to seconds: the closest zoom shows a couple of seconds.
  for (let i = 0; i < 30; i++) await page.keyboard.press('+')
  const closest = await view(page)
  expect(closest.end - closest.start).toBeLessThanOrEqual(2000)
  await page.getByRole('button', { name: 'Show all' }).click()
  expect(await view(page)).toEqual(full)

  // The wheel zooms around the pointer.
  await page.getByTestId('timeline').scrollIntoViewIfNeeded()
  const box = (await page.getByTestId('timeline-canvas').boundingBox())!
  await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2)
  await page.mouse.wheel(0, -400)
  await expect.poll(async () => (await view(page)).end - (await view(page)).start).toBeLessThan((full.end - full.start) * 0.8)
  const wheeled = await view(page)
  // The time under the pointer stayed under the pointer.
  const anchor = full.start + 0.25 * (full.end - full.start)
  expect(Math.abs(wheeled.start + 0.25 * (wheeled.end - wheeled.start) - anchor)).toBeLessThan((full.end - full.start) * 0.01)
  await page.getByRole('button', { name: 'Zoom out' }).click()
  await page.getByRole('button', { name: 'Show all' }).click()

  // Brushing 20 %–40 % of the overview strip shows exactly that part.
  await page.getByTestId('timeline').scrollIntoViewIfNeeded()
  const strip = (await page.getByTestId('overview-strip').boundingBox())!
  const y = strip.y + 12
  await page.mouse.move(strip.x + strip.width * 0.2, y)
  await page.mouse.down()
  await page.mouse.move(strip.x + strip.width * 0.3, y, { steps: 4 })
  await page.mouse.move(strip.x + strip.width * 0.4, y, { steps: 4 })
  await page.mouse.up()
  const brushed = await view(page)
  const span = full.end - full.start
  expect(Math.abs(brushed.start - (full.start + 0.2 * span))).toBeLessThan(span * 0.01)
  expect(Math.abs(brushed.end - (full.start + 0.4 * span))).toBeLessThan(span * 0.01)
  const brush = (await page.getByTestId('brush').boundingBox())!
  expect(Math.abs(brush.x - (strip.x + strip.width * 0.2))).toBeLessThan(4)
  // The "in view" count is the recordings inside the brushed range.
  const inside = times.filter((t) => t >= brushed.start && t < brushed.end).length
  await expect(page.getByTestId('timeline-range')).toContainText(`${inside} in view`)

  // Dragging the brush moves the range and keeps its length.
  const mid = brush.x + brush.width / 2
  await page.mouse.move(mid, y)
  await page.mouse.down()
  await page.mouse.move(mid + strip.width * 0.1, y, { steps: 5 })
  await page.mouse.up()
  const moved = await view(page)
  expect(moved.end - moved.start).toBeCloseTo(brushed.end - brushed.start, -3)
  expect(Math.abs(moved.start - (brushed.start + 0.1 * span))).toBeLessThan(span * 0.01)
})

test('hovering a mark shows its time, device and transcript; clicking it selects it in the list', async ({ app }) => {
  const { page } = app
  const { truth } = foreignExport
  await openExport(app, foreignExport.paths[0]!, truth)
  // The first lane is the unregistered device (lanes follow the cards); take its first recording.
  const device = truth.devices.find((d) => !d.registered)!
  const target = truth.recordings.filter((r) => r.deviceSerial === device.serial).sort((a, b) => Date.parse(a.time!) - Date.parse(b.time!))[0]!
  const t = Date.parse(target.time!)
  const { start, end } = await view(page)
  await page.getByTestId('timeline').scrollIntoViewIfNeeded()
  const box = (await page.getByTestId('timeline-canvas').boundingBox())!
  const x = box.x + ((t - start) / (end - start)) * box.width
  const y = box.y + 26 + 16 // axis, then the middle of lane 0
  await page.mouse.move(x, y)
  const hover = page.getByTestId('timeline-hover')
  await expect(hover).toBeVisible()
  await expect(hover).toContainText(device.name)
  await expect(hover).toContainText(target.transcript!)
  await expect(hover).toContainText(`${iso(t).slice(0, 19).replace('T', ' ')} UTC`)
  await page.mouse.click(x, y)
  await expect(page.getByTestId('detail-transcript')).toContainText(target.transcript!)
  await expect(page.getByTestId('detail-time')).toContainText(`${iso(t).slice(0, 19).replace('T', ' ')} UTC`)
  await expect(selectedRow(page)).toHaveCount(1)
  await expect(selectedRow(page)).toContainText(target.transcript!)
})

test('filtering by device shows only its recordings, and the counts follow', async ({ app }) => {
  const { page } = app
  const { truth } = foreignExport
  await openExport(app, foreignExport.paths[0]!, truth)
  const device = truth.devices.find((d) => !d.registered)!
  const card = page.getByTestId('device-card').filter({ hasText: device.serial })
  const deviceId = await card.getAttribute('data-device-id')
  await card.getByRole('button', { name: 'Show only this device' }).click()
  await expect(card.getByRole('button', { name: 'Showing only this device' })).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('filter-count')).toHaveText(`Showing ${device.recordings} of ${truth.counts.recordings} recordings`)
  await expect(page.getByTestId('filter-device')).toHaveValue(deviceId!)
  await expect(rows(page).first()).toBeVisible()
  const shownDevices = await rows(page).evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-device')))])
  expect(shownDevices).toEqual([deviceId])
  await expect(rows(page).first()).toContainText(device.name)
  // The other devices' cards say none of theirs is shown; the timeline counts what passes.
  const other = truth.devices.find((d) => d.registered && d.recordings > 0)!
  await expect(page.getByTestId('device-card').filter({ hasText: other.serial }).getByTestId('device-recordings')).toContainText('0 shown')
  await expect(page.getByTestId('timeline-range')).toContainText(`${device.recordings} in view`)
  // The last row is the device's last recording (the list holds exactly its recordings).
  await page.getByTestId('recording-list').focus()
  await page.keyboard.press('End')
  const last = truth.recordings.filter((r) => r.deviceSerial === device.serial).map((r) => Date.parse(r.time!)).sort((a, b) => a - b).at(-1)!
  await expect(page.getByTestId('detail-time')).toContainText(`${iso(last).slice(0, 19).replace('T', ' ')} UTC`)

  // The select filters the same way, and registration filters by what the export says.
  await page.getByTestId('filter-device').selectOption({ index: 0 })
  await expect(page.getByTestId('filter-count')).toHaveText(`${truth.counts.recordings} recordings`)
  await page.getByTestId('filter-registration').selectOption('registered')
  const registered = truth.devices.filter((d) => d.registered).reduce((n, d) => n + d.recordings, 0)
  await expect(page.getByTestId('filter-count')).toHaveText(`Showing ${registered} of ${truth.counts.recordings} recordings`)
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(page.getByTestId('filter-count')).toHaveText(`${truth.counts.recordings} recordings`)
})

test('search finds a transcript; a date range narrows the list', async ({ app }) => {
  const { page } = app
  const { truth } = foreignExport
  await openExport(app, foreignExport.paths[0]!, truth)
  const target = truth.recordings.find((r) => r.foreign && r.transcript)!
  const words = target.transcript!.toLowerCase().split(/\s+/).slice(0, 3)
  const query = words.join(' ')
  const expected = truth.recordings.filter((r) => words.every((w) => r.transcript?.toLowerCase().includes(w)))
  // "/" puts the focus in the search box from anywhere on the screen.
  await page.getByRole('heading', { name: 'Timeline' }).click()
  await page.keyboard.press('/')
  await expect(page.getByTestId('search')).toBeFocused()
  await page.keyboard.type(query.toUpperCase())
  await expect(page.getByTestId('filter-count')).toHaveAttribute('data-count', String(expected.length))
  // The grid holds exactly the matches; only those near the view are in the DOM (virtualised), each a match.
  await expect(page.getByTestId('recording-list')).toHaveAttribute('aria-rowcount', String(expected.length + 1))
  await expect(rows(page).first()).toBeVisible()
  expect(await rows(page).count()).toBeLessThanOrEqual(expected.length)
  for (const text of await rows(page).locator('.c-text').allTextContents()) for (const w of words) expect(text.toLowerCase()).toContain(w)
  // Enter takes the person to the results.
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('recording-list')).toBeFocused()
  await page.keyboard.press('j')
  await expect(page.getByTestId('detail-transcript')).toContainText(words[0]!, { ignoreCase: true })

  await page.getByTestId('search').fill('zzqx no such words')
  await expect(page.getByText('No recording matches the filters.')).toBeVisible()
  await page.getByTestId('recording-list').getByRole('button', { name: 'Clear filters' }).click()
  await expect(page.getByTestId('search')).toHaveValue('')
  await expect(page.getByTestId('filter-count')).toHaveAttribute('data-count', String(truth.counts.recordings))

  // A date range, in the user's calendar (the harness runs in the machine's zone).
  const first = new Date(Math.min(...truth.recordings.map((r) => Date.parse(r.time!))))
  const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  const endOfFirstDay = new Date(first.getFullYear(), first.getMonth(), first.getDate() + 1).getTime()
  const onFirstDay = truth.recordings.filter((r) => Date.parse(r.time!) < endOfFirstDay).length
  await page.getByTestId('filter-from').fill(day(first))
  await page.getByTestId('filter-to').fill(day(first))
  await expect(page.getByTestId('filter-count')).toHaveAttribute('data-count', String(onFirstDay))
})

test('keyboard review: J/K and the arrows move through the list, Home/End jump, the timeline follows', async ({ app }) => {
  const { page } = app
  const { truth } = foreignExport
  await openExport(app, foreignExport.paths[0]!, truth)
  const sorted = [...truth.recordings].sort((a, b) => Date.parse(a.time!) - Date.parse(b.time!))
  const timeOf = (i: number) => `${iso(Date.parse(sorted[i]!.time!)).slice(0, 19).replace('T', ' ')} UTC`
  const list = page.getByTestId('recording-list')
  await expect(page.getByTestId('recording-detail')).toContainText('Select a recording')

  // From nowhere, J focuses the list and selects the first recording.
  await page.keyboard.press('j')
  await expect(list).toBeFocused()
  await expect(selectedRow(page)).toHaveAttribute('aria-rowindex', '2')
  await expect(page.getByTestId('detail-time')).toContainText(timeOf(0))
  await page.keyboard.press('j')
  await expect(page.getByTestId('detail-time')).toContainText(timeOf(1))
  await page.keyboard.press('k')
  await expect(page.getByTestId('detail-time')).toContainText(timeOf(0))
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown')
  await expect(page.getByTestId('detail-time')).toContainText(timeOf(3))
  await page.keyboard.press('ArrowUp')
  await expect(page.getByTestId('detail-time')).toContainText(timeOf(2))
  // The grid points screen readers at the selected row.
  const active = await list.getAttribute('aria-activedescendant')
  expect(await selectedRow(page).getAttribute('id')).toBe(active)

  // Zoom the timeline in around the start, then End: the list scrolls and the timeline follows.
  await page.getByTestId('timeline-lanes').focus()
  for (let i = 0; i < 6; i++) await page.keyboard.press('+')
  await list.focus()
  await page.keyboard.press('End')
  const last = sorted.length - 1
  await expect(page.getByTestId('detail-time')).toContainText(timeOf(last))
  await expect(selectedRow(page)).toBeInViewport()
  await expect(selectedRow(page)).toHaveAttribute('aria-rowindex', String(sorted.length + 1))
  const { start, end } = await view(page)
  const lastTime = Date.parse(sorted[last]!.time!)
  expect(lastTime).toBeGreaterThanOrEqual(start)
  expect(lastTime).toBeLessThanOrEqual(end)
  await page.keyboard.press('PageUp')
  await expect(selectedRow(page)).toBeInViewport()
  await page.keyboard.press('Home')
  await expect(page.getByTestId('detail-time')).toContainText(timeOf(0))
  await expect(selectedRow(page)).toBeInViewport()

  // Tab order follows the screen: search, device, registration …; the timeline, then the list.
  await page.getByTestId('search').focus()
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('filter-device')).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('filter-registration')).toBeFocused()
  await page.getByTestId('timeline-lanes').focus()
  // Between the panes, the bar that resizes them (a focusable separator), then the list.
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('splitter-timeline')).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(list).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Shift+Tab')
  await expect(page.getByTestId('timeline-lanes')).toBeFocused()

  // Sorting by a column keeps the selection, which is now at the other end of the list.
  await page.getByRole('button', { name: /^Time/ }).click()
  await expect(page.getByRole('columnheader', { name: /^Time/ })).toHaveAttribute('aria-sort', 'descending')
  await expect(page.getByTestId('detail-time')).toContainText(timeOf(0))
  await expect(selectedRow(page)).toHaveAttribute('aria-rowindex', String(sorted.length + 1))
  await expect(selectedRow(page)).toBeInViewport()
  await list.focus()
  await page.keyboard.press('Home')
  await expect(page.getByTestId('detail-time')).toContainText(timeOf(last))
})

test('German and dark: the review screen speaks German and draws in the dark theme', async ({ app }) => {
  const { page } = app
  const { truth } = foreignExport
  await openExport(app, foreignExport.paths[0]!, truth)
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  await page.getByRole('combobox', { name: 'Darstellung' }).selectOption('dark')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(page.getByRole('heading', { name: 'Zeitleiste' })).toBeVisible()
  await expect(page.getByRole('tab', { name: /^Aufnahmen/ })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByTestId('filter-count')).toHaveText(`${truth.counts.recordings} Aufnahmen`)
  await expect(page.getByTestId('device-card').first()).toContainText('Nicht für dieses Konto registriert')
  // The canvas took the dark palette: the unregistered device's marks are drawn in the dark theme's red.
  const device = truth.devices.find((d) => !d.registered)!
  const t = Date.parse(truth.recordings.find((r) => r.deviceSerial === device.serial)!.time!)
  const { start, end } = await view(page)
  const pixel = await page.getByTestId('timeline-canvas').evaluate(
    (c: HTMLCanvasElement, x: number) => {
      const dpr = window.devicePixelRatio || 1
      return [...c.getContext('2d')!.getImageData(Math.round(x * c.clientWidth * dpr), Math.round((26 + 16) * dpr), 1, 1).data]
    },
    (t - start) / (end - start)
  )
  expect(pixel.slice(0, 3)).toEqual([0xff, 0x6b, 0x6b])
})

test('the Files tab lists every file virtualised, with problems marked', async ({ app }) => {
  const { page } = app
  const good = await zipBuffer([
    { name: 'Alexa/audio/one.wav', data: Buffer.alloc(4000, 1) },
    { name: 'xx/evil.wav', data: 'not really audio' }
  ])
  const broken = work.path('broken-review.zip')
  await writeFile(broken, renameBytes(good, 'xx/evil.wav', '../evil.wav'))
  await openExport(app, broken)
  // Problems are listed on the screen, not hidden behind the tab.
  await expect(page.getByTestId('problems')).toContainText('../evil.wav')
  await page.getByRole('tab', { name: /^Files/ }).click()
  const evil = page.getByTestId('file-row').filter({ hasText: '../evil.wav' })
  await expect(evil).toHaveClass(/flagged/)
  await expect(evil).toContainText('unsafe name')

  // A big export: only the rows in view exist, and scrolling to the end fetches the rest.
  const many = work.path('many-files.zip')
  await manyEntriesZip(many, 12_000)
  await page.getByRole('button', { name: 'Close export' }).click()
  await openExport(app, many)
  await page.getByRole('tab', { name: /^Files/ }).click()
  await expect(page.getByTestId('files-summary')).toContainText('12,000 files')
  const table = page.getByTestId('file-table')
  await expect(page.getByTestId('file-row').first()).toBeVisible()
  expect(await page.getByTestId('file-row').count()).toBeLessThan(80)
  await table.evaluate((el) => el.scrollTo(0, el.scrollHeight))
  await expect(page.getByText(/12,000 files$/)).toBeVisible()
  await expect(table.locator('[role=row][aria-rowindex="12001"]')).toHaveAttribute('data-testid', 'file-row')
  await expect(table.locator('.file-row.pending')).toHaveCount(0)
  // Keyboard: the tabs move with the arrows.
  await page.getByRole('tab', { name: /^Files/ }).focus()
  await page.keyboard.press('ArrowLeft')
  await expect(page.getByRole('tab', { name: /^Recordings/ })).toBeFocused()
  await expect(page.getByRole('tab', { name: /^Recordings/ })).toHaveAttribute('aria-selected', 'true')
})

test('axe finds no serious or critical violation on the review screen and the files tab, light and dark', async ({ app }) => {
  const { page } = app
  const { truth } = foreignExport
  await openExport(app, foreignExport.paths[0]!, truth)
  await page.keyboard.press('j')
  await expect(page.getByTestId('detail-time')).toBeVisible()
  const serious = async () => {
    const result = await new AxeBuilder({ page }).analyze()
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)
  }
  for (const theme of ['light', 'dark'] as const) {
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme)
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
    await page.getByRole('tab', { name: /^Recordings/ }).click()
    expect(await serious(), `review screen, ${theme}`).toEqual([])
    await page.getByRole('tab', { name: /^Files/ }).click()
    await expect(page.getByTestId('file-row').first()).toBeVisible()
    expect(await serious(), `files tab, ${theme}`).toEqual([])
  }
})
