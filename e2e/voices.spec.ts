import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { generateExport, type GeneratedExport } from '../src/core/generate'
import { workDir } from '../test/fixtures/archives'
import { expect, test } from './fixtures'
import { startHarness } from './harness'

/**
 * The Voices panel (issue 19) on an export with three voices: the owner, someone in the household
 * (every third of the owner's recordings) and a stranger on an unregistered Echo. Marking a voice
 * "not someone I know" marks all its recordings in one step, adds the reason to the findings and
 * redraws the timeline; one undo takes it all back.
 */
let work: Awaited<ReturnType<typeof workDir>>
let made: GeneratedExport
const TOTAL = 50
const SHOTS = join(process.cwd(), '.tmp', 'voices-shots')

test.beforeAll(async () => {
  work = await workDir()
  made = await generateExport({ provider: 'amazon', own: 36, foreign: 14, kind: 'unregistered-device', seed: 'e2e-voices', householdEvery: 3, clips: { maxSeconds: 2.5 } }, work.path('three-voices.zip'))
})
test.afterAll(async () => {
  await work.done()
})

async function openVoices(app: { page: Page; answerNextDialog(path: string): void }, open: string, start: string, recordings: RegExp): Promise<void> {
  const { page } = app
  app.answerNextDialog(made.paths[0]!)
  await page.getByRole('button', { name: open }).click()
  await expect(page.getByRole('tab', { name: recordings })).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('filter-count')).toHaveAttribute('data-count', String(TOTAL))
  await expect(page.getByTestId('findings-title')).toHaveAttribute('data-foreign', /\d/)
  await page.getByRole('button', { name: start }).click()
  await expect(page.getByTestId('voice-card')).toHaveCount(3, { timeout: 90_000 })
}

const suspects = async (page: Page) => Number(await page.getByTestId('findings-title').getAttribute('data-suspect'))

test('marking a voice "not someone I know" carries to its recordings, the findings and the timeline, and one undo takes it back', async ({ app }) => {
  test.setTimeout(180_000)
  const { page } = app
  await openVoices(app, 'Open export…', 'Group the recordings by voice', /^Recordings/)
  const cards = page.getByTestId('voice-card')
  const sizes = await page.getByTestId('voice-size').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))))
  expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(TOTAL)
  expect(sizes[0]).toBeGreaterThanOrEqual(20)
  // Each card offers three samples to listen to and the three marks.
  for (const card of await cards.all()) {
    await expect(card.getByTestId('voice-sample')).toHaveCount(3)
    await expect(card.getByRole('button', { name: 'Not someone I know' })).toBeVisible()
  }

  // The household's voice: on the owner's registered devices, nothing flags it today.
  const household = cards.nth(2)
  const n = Number(await household.getByTestId('voice-size').getAttribute('data-count'))
  expect(n).toBeGreaterThanOrEqual(8)
  const beforeSuspects = await suspects(page)
  const canvas = page.getByTestId('timeline-canvas')
  const timelineBefore = await canvas.screenshot()
  await expect(page.getByTestId('finding').and(page.locator('[data-rule="voice-not-known"]'))).toHaveCount(0)

  await household.getByRole('button', { name: 'Not someone I know' }).click()
  await expect(household).toHaveAttribute('data-mark', 'not-known')
  await expect(household.getByRole('button', { name: 'Not someone I know' })).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('mark-tally')).toHaveAttribute('data-not-mine', String(n))
  const finding = page.locator('[data-testid="finding"][data-rule="voice-not-known"]')
  // Past the first few findings the panel folds the rest behind a button.
  const more = page.getByTestId('findings').locator('button[aria-expanded="false"]')
  if (await more.count()) await more.click()
  await expect(finding).toHaveCount(1)
  await expect(finding).toHaveAttribute('data-count', String(n))
  await expect(finding).toContainText('the same voice, by its sound')
  await expect.poll(() => suspects(page)).toBe(beforeSuspects + n)
  await expect.poll(async () => Buffer.compare(await canvas.screenshot(), timelineBefore) !== 0).toBe(true)
  await expect(page.getByTestId('undo')).toHaveAttribute('aria-label', new RegExp(`Undo: mark the voice of ${n} recordings`))
  await mkdir(SHOTS, { recursive: true })
  await page.getByTestId('voices-panel').screenshot({ path: join(SHOTS, 'voices-marked-en-light.png') })

  // Filter by that voice from its card: the count, the filter bar and the list follow.
  const householdId = (await household.getAttribute('data-voice-id'))!
  await household.getByTestId('voice-filter').click()
  await expect(household.getByTestId('voice-filter')).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('filter-count')).toHaveAttribute('data-count', String(n))
  await expect(page.getByTestId('filter-voice')).toHaveValue(householdId)
  await expect(page.getByTestId('filter-voice').locator('option:checked')).toContainText('Not someone I know')
  await expect(page.getByTestId('recording-row').first()).toHaveClass(/tone-foreign/)

  // Lanes by voice, chosen from the keyboard: one lane per voice with its number and size, the filtered voice alone shown.
  await page.getByTestId('lanes-voice').focus()
  await page.keyboard.press('Enter')
  const lanes = page.getByTestId('lane-labels')
  await expect(lanes).toHaveAttribute('data-lanes', 'voice')
  const laneItems = lanes.locator('li')
  const laneCount = await laneItems.count()
  expect(laneCount).toBeGreaterThanOrEqual(3)
  for (let k = 0; k < 3; k++) {
    await expect(laneItems.nth(k)).toContainText(`Voice ${k + 1}`)
    await expect(laneItems.nth(k)).toHaveAttribute('data-count', String(sizes[k]))
  }
  if (laneCount > 3) await expect(laneItems.nth(3)).toContainText('No voice group')
  await expect(laneItems.nth(2).locator('.lane-count')).toHaveText(String(n))
  // The voice marked "not someone I know" is as loud on its lane as on its card.
  await expect(laneItems.nth(2)).toHaveClass(/tone-foreign/)
  await expect(laneItems.nth(0)).not.toHaveClass(/tone-foreign/)
  await expect(laneItems.nth(0).locator('.lane-count')).toHaveText(`0/${sizes[0]}`)

  // One undo takes the voice's mark back, wherever the view is.
  await page.getByTestId('undo').click()
  await expect(household).toHaveAttribute('data-mark', '')
  await expect(page.getByTestId('mark-tally')).toHaveAttribute('data-not-mine', '0')
  await expect(finding).toHaveCount(0)
  await expect.poll(() => suspects(page)).toBe(beforeSuspects)
  await expect(page.getByTestId('filter-voice').locator('option:checked')).not.toContainText('Not someone I know')
  await expect(laneItems.nth(2)).not.toHaveClass(/tone-foreign/)

  // Back to every recording by device: the timeline is as it was before the mark.
  await page.getByTestId('filter-voice').selectOption({ label: 'All voices' })
  await expect(page.getByTestId('filter-count')).toHaveAttribute('data-count', String(TOTAL))
  await expect(household.getByTestId('voice-filter')).toHaveAttribute('aria-pressed', 'false')
  await page.getByTestId('lanes-device').click()
  await expect(lanes).toHaveAttribute('data-lanes', 'device')
  await expect.poll(async () => Buffer.compare(await canvas.screenshot(), timelineBefore)).toBe(0)
})

test('screenshots of the Voices panel in the workspace at 1440x900, in English and German, light and dark, with no serious axe violation', async () => {
  test.setTimeout(300_000)
  await mkdir(SHOTS, { recursive: true })
  const langs = {
    en: { locale: 'en-US', open: 'Open export…', start: 'Group the recordings by voice', recordings: /^Recordings/, voice: 'Voice 1' },
    de: { locale: 'de-DE', open: 'Export öffnen …', start: 'Aufnahmen nach Stimme gruppieren', recordings: /^Aufnahmen/, voice: 'Stimme 1' }
  } as const
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const lang of ['en', 'de'] as const) {
      const app = await startHarness({ colorScheme, locale: langs[lang].locale, viewport: { width: 1440, height: 900 } })
      try {
        const { page } = app
        await openVoices(app, langs[lang].open, langs[lang].start, langs[lang].recordings)
        // The summary and the devices folded away, so the Voices section shows beside the findings; lanes by voice.
        for (const section of ['summary', 'devices']) await page.getByTestId(`side-toggle-${section}`).click()
        // The side pane a little wider (the splitter from the keyboard), so the voice cards' marks sit on two lines.
        await page.getByTestId('splitter-side').focus()
        await page.keyboard.press('Shift+ArrowRight')
        // A stranger's recording selected, as a person reviewing would, so the recording pane shows its waveform.
        // Only rows near the view are rendered: scroll the list (the wheel, as a person would) until one shows.
        const foreignRow = page.getByTestId('recording-row').and(page.locator('.tone-foreign')).first()
        await page.getByTestId('recording-list').hover()
        for (let turn = 0; turn < 40 && (await foreignRow.count()) === 0; turn++) await page.mouse.wheel(0, 240)
        await foreignRow.click()
        await page.getByTestId('detail-time').waitFor()
        await page.getByTestId('lanes-voice').click()
        await expect(page.getByTestId('lane-labels')).toHaveAttribute('data-lanes', 'voice')
        await expect(page.getByTestId('lane-labels').locator('li').first()).toContainText(langs[lang].voice)
        const panel = page.getByTestId('voices-panel')
        await expect(panel.getByTestId('voice-card')).toHaveCount(3)
        // The side pane scrolled to the Voices section's title, with nothing focused that would draw a ring.
        await page.getByTestId('side-toggle-voices').evaluate((el) => el.closest('section')!.scrollIntoView({ block: 'start' }))
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
        await page.waitForFunction(() => {
          const p = document.querySelector('[data-testid=player]')
          return !p || p.querySelector('[data-drawn=true]') || ['error', 'none', 'failed'].includes(p.getAttribute('data-status') ?? '')
        }, null, { timeout: 60_000 })
        // The workspace fits the window: no page scroll.
        expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(0)
        await page.screenshot({ path: join(SHOTS, `voices-${lang}-${colorScheme}.png`) })
        // The voice cards, the voice filter and the voice lanes: no serious or critical axe violation in either theme.
        const axe = await new AxeBuilder({ page }).analyze()
        expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([])
      } finally {
        await app.close()
      }
    }
  }
})
