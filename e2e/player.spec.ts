import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { buildExport, generateExport, type GeneratedExport } from '../src/core/generate'
import type { GenNode } from '../src/core/generate/tree'
import { writeZipParts } from '../src/core/generate/write-zip'
import { ffmpegEncode, hasFfmpeg, NO_FFMPEG } from '../src/core/audio/testing/ffmpeg'
import { sine } from '../src/core/audio/testing/signals'
import { writeWav } from '../src/core/audio/testing/wav-writer'
import { workDir } from '../test/fixtures/archives'
import { expect, test } from './fixtures'

/**
 * The player on a generated Amazon export: a recording's waveform is drawn from the peaks the
 * engine computed (the page never fetches the audio to decode it), and it plays, streamed by Range
 * out of the archive through the harness's loopback media server.
 */

let work: Awaited<ReturnType<typeof workDir>>
let made: GeneratedExport
/** The same kind of export with every audio file replaced by bytes that are no audio at all. */
let broken: string
let aac: string | null = null
test.beforeAll(async () => {
  work = await workDir()
  made = await generateExport({ provider: 'amazon', own: 6, foreign: 2, kind: 'unregistered-device', seed: 'e2e-player', clips: { sampleRate: 8000, maxSeconds: 3 } }, work.path('player.zip'))
  const { tree } = await buildExport({ provider: 'amazon', own: 3, foreign: 0, kind: 'unregistered-device', seed: 'e2e-player-broken', clips: { sampleRate: 8000, maxSeconds: 1 } })
  const garble = (nodes: GenNode[]): GenNode[] => nodes.map((n) => ('zip' in n ? { ...n, zip: garble(n.zip) } : /\.wav$/i.test(n.path) ? { ...n, content: Buffer.from('GIF89a, not audio at all '.repeat(20)) } : n))
  tree.parts = tree.parts.map((p) => ({ name: 'broken.zip', nodes: garble(p.nodes) }))
  broken = (await writeZipParts(tree, work.dir))[0]!
  if (hasFfmpeg()) {
    // Voice notes as AAC in M4A (kept under the export's .wav names): Node has no decoder, so the page decodes them once.
    const m4a = ffmpegEncode(writeWav([sine(220, 16000, 2, 0.6)], 16000, { codec: 'pcm', bits: 16 }), 'm4a', ['-c:a', 'aac', '-b:a', '48k'])
    const built = await buildExport({ provider: 'amazon', own: 2, foreign: 0, kind: 'unregistered-device', seed: 'e2e-player-aac', clips: { sampleRate: 8000, maxSeconds: 1 } })
    const toAac = (nodes: GenNode[]): GenNode[] => nodes.map((n) => ('zip' in n ? { ...n, zip: toAac(n.zip) } : /\.wav$/i.test(n.path) ? { ...n, content: m4a } : n))
    built.tree.parts = built.tree.parts.map((p) => ({ name: 'aac.zip', nodes: toAac(p.nodes) }))
    aac = (await writeZipParts(built.tree, work.dir))[0]!
  }
})
test.afterAll(async () => {
  await work.done()
})

async function openExport(app: { page: Page; answerNextDialog(path: string): void }, path = made.paths[0]!): Promise<void> {
  app.answerNextDialog(path)
  await app.page.getByRole('button', { name: 'Open export…' }).click()
  await expect(app.page.getByRole('tab', { name: /^Recordings/ })).toBeVisible({ timeout: 30_000 })
  if (path === made.paths[0]) await expect(app.page.getByTestId('filter-count')).toHaveAttribute('data-count', String(made.truth.counts.recordings))
}

/** Pixels of wavesurfer's canvases (in its shadow root) that are not transparent. */
const inkedPixels = (page: Page) =>
  page.getByTestId('player-wave').evaluate((wave) => {
    let inked = 0
    const roots: Array<ParentNode> = [wave]
    for (const el of wave.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot)
    for (const root of roots) {
      for (const canvas of root.querySelectorAll('canvas')) {
        if (!canvas.width || !canvas.height) continue
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) inked++
      }
    }
    return inked
  })

test('a selected recording shows its waveform from the engine’s peaks and plays', async ({ app }, testInfo) => {
  const { page } = app
  // Requests the page makes to the media server with fetch(): a decode in the page would need one.
  const fetched: string[] = []
  page.on('request', (r) => {
    if (r.url().startsWith(app.mediaOrigin) && r.resourceType() === 'fetch') fetched.push(r.url())
  })
  await openExport(app)
  await page.getByTestId('recording-row').first().click()
  const player = page.getByTestId('player')
  await expect(player).toHaveAttribute('data-status', 'ready', { timeout: 20_000 })
  const wave = page.getByTestId('player-wave')
  await expect(wave).toHaveAttribute('data-drawn', 'true')
  await expect(wave).toHaveAttribute('data-buckets', /^[1-9]\d{2,}$/)
  expect(await inkedPixels(page)).toBeGreaterThan(200)
  await expect(page.getByTestId('player-facts')).toContainText('PCM · 8 kHz · 1 ch')
  expect(fetched).toEqual([])

  // The player itself passes axe (serious and critical), in both themes. Before it plays: on a slow
  // machine a short clip could end during the two runs, and the pause below would find it at 0.
  for (const theme of ['dark', 'light'] as const) {
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme)
    const found = await new AxeBuilder({ page }).include('[data-testid=player-slot]').analyze()
    expect(found.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([])
    if (theme === 'dark') await page.getByTestId('player-slot').screenshot({ path: testInfo.outputPath('player-dark.png') })
  }

  // The media element streams from the loopback server by the token the services issued.
  const media = page.getByTestId('player-media')
  await expect(media).toHaveAttribute('src', new RegExp(`^${app.mediaOrigin}/${app.mediaToken}/[0-9a-f]{32}$`))
  await page.getByTestId('player-play').click()
  await expect(page.getByTestId('player-play')).toHaveAttribute('aria-pressed', 'true')
  await expect.poll(() => media.evaluate((m: HTMLAudioElement) => m.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.2)
  await expect(page.getByTestId('player-time')).not.toHaveText('0:00.0')
  await page.getByTestId('player-slot').screenshot({ path: testInfo.outputPath('player.png') })
  // Space pauses (focus on the list, as after J/K); Shift+→ seeks.
  await page.getByRole('grid').focus()
  await page.keyboard.press('Space')
  await expect(page.getByTestId('player-play')).toHaveAttribute('aria-pressed', 'false')
  const before = await media.evaluate((m: HTMLAudioElement) => m.currentTime)
  await media.evaluate((m: HTMLAudioElement) => (m.currentTime = 0))
  await page.keyboard.press('Shift+ArrowRight')
  await expect.poll(() => media.evaluate((m: HTMLAudioElement) => m.currentTime)).toBeGreaterThan(0.5)
  expect(before).toBeGreaterThan(0)
  // ] plays faster; the media element follows the speed control.
  await page.keyboard.press(']')
  await expect(page.getByTestId('player-speed')).toHaveValue('1.25')
  await expect.poll(() => media.evaluate((m: HTMLAudioElement) => m.playbackRate)).toBe(1.25)

  // J moves to the next recording; its waveform comes from peaks too.
  const firstSrc = await media.getAttribute('src')
  await page.keyboard.press('j')
  // Polled: right after the key the player may still show the first recording.
  await expect(media).not.toHaveAttribute('src', firstSrc!)
  await expect(media).toHaveAttribute('src', new RegExp(`^${app.mediaOrigin}/${app.mediaToken}/[0-9a-f]{32}$`), { timeout: 20_000 })
  await expect(player).toHaveAttribute('data-status', 'ready')
  await expect(wave).toHaveAttribute('data-drawn', 'true')
  expect(fetched).toEqual([])
})

test('the Length column fills in as the engine decodes each recording in the background', async ({ app }) => {
  await openExport(app)
  const cells = app.page.getByTestId('recording-row').locator('.c-dur')
  // Amazon's export states no durations; every row gets one once the background peaks are done.
  await expect.poll(async () => (await cells.allTextContents()).filter((t) => /\d/.test(t)).length, { timeout: 30_000 }).toBe(made.truth.counts.recordings)
  // The generated clips are at most 3 seconds long.
  for (const text of await cells.allTextContents()) expect(text).toMatch(/^0:0[0-3]$/)
  await app.page.getByTestId('recording-row').first().click()
  await expect(app.page.getByTestId('detail-duration')).not.toHaveText('—')
})

test.describe('with no background decoding', () => {
  test.use({ harnessOptions: { audio: { background: false } } })

  test('the Length column knows every WAV from its header, never "—" for a recording with audio, and the full transcript is on hover', async ({ app }) => {
    await openExport(app)
    const rows = app.page.getByTestId('recording-row')
    const cells = rows.locator('.c-dur')
    // Nothing is decoded (no background peaks), yet each generated WAV's length is known.
    await expect.poll(async () => (await cells.allTextContents()).filter((t) => /^0:0[0-3]$/.test(t)).length, { timeout: 30_000 }).toBe(made.truth.counts.recordings)
    expect(await cells.evaluateAll((els) => els.map((e) => e.getAttribute('data-length')))).toEqual(Array(made.truth.counts.recordings).fill('known'))
    // A truncated transcript cell carries its whole text, and the details show it whole.
    const first = rows.filter({ has: app.page.locator('.c-text[title]') }).first()
    const said = (await first.locator('.c-text').textContent())!
    await expect(first.locator('.c-text')).toHaveAttribute('title', said)
    await first.click()
    await expect(app.page.getByTestId('detail-transcript')).toHaveText(`“${said}”`)
    await expect(app.page.getByTestId('detail-transcript')).toHaveAttribute('title', `“${said}”`)
    // Cut to two lines beside the waveform, the words open whole on a click.
    const words = app.page.getByTestId('detail-transcript').getByRole('button')
    await words.click()
    await expect(words).toHaveAttribute('aria-expanded', 'true')
    await expect(app.page.getByTestId('detail-transcript')).toHaveClass(/\bwhole\b/)
    // Sorted by Length, the learnt lengths order the list (longest first on the second click).
    await app.page.getByRole('button', { name: /^Length/ }).click()
    await app.page.getByRole('button', { name: /^Length/ }).click()
    await expect(app.page.getByRole('columnheader', { name: /^Length/ })).toHaveAttribute('aria-sort', 'descending')
    const sorted = (await cells.allTextContents()).map((t) => Number(t.split(':')[1]))
    expect(sorted).toEqual([...sorted].sort((a, b) => b - a))
    expect(sorted[0]).toBeGreaterThan(sorted.at(-1)!)
    await expect(app.page.getByTestId('detail-duration')).toHaveText(/^0:0[0-3]$/)
  })
})

test('the media server answers Range requests only for issued tokens', async ({ app }) => {
  const { page } = app
  await openExport(app)
  await page.getByTestId('recording-row').first().click()
  await expect(page.getByTestId('player')).toHaveAttribute('data-status', 'ready', { timeout: 20_000 })
  const src = (await page.getByTestId('player-media').getAttribute('src'))!
  const partial = await fetch(src, { headers: { Range: 'bytes=0-11' } })
  expect(partial.status).toBe(206)
  expect(partial.headers.get('content-type')).toBe('audio/wav')
  expect(partial.headers.get('content-range')).toMatch(/^bytes 0-11\/\d+$/)
  expect(Buffer.from(await partial.arrayBuffer()).subarray(0, 4).toString('latin1')).toBe('RIFF')
  expect((await fetch(`${app.mediaOrigin}/${app.mediaToken}/${'0'.repeat(32)}`)).status).toBe(404)
  expect((await fetch(src.replace(app.mediaToken, 'x'.repeat(48)))).status).toBe(403)
})

test('audio that cannot be read says why, cannot be played, and the rest of the review goes on', async ({ app }) => {
  const { page } = app
  await openExport(app, broken)
  await page.getByTestId('recording-row').first().click()
  const player = page.getByTestId('player')
  await expect(player).toHaveAttribute('data-status', 'error', { timeout: 20_000 })
  await expect(page.getByTestId('player-error')).toHaveText('Audio could not be read: it is not a WAV, MP3, Ogg, FLAC or M4A file')
  await expect(page.getByTestId('player-play')).toBeDisabled()
  await expect(page.getByTestId('player-media')).not.toHaveAttribute('src', /./)
  // Space does nothing harmful, and J still moves on to the next recording, which says the same.
  await page.getByRole('grid').focus()
  await page.keyboard.press('Space')
  const first = await page.getByTestId('detail-transcript').textContent()
  await page.keyboard.press('j')
  await expect(page.getByTestId('detail-transcript')).not.toHaveText(first!)
  await expect(player).toHaveAttribute('data-status', 'error', { timeout: 20_000 })
})

test('AAC, which Node cannot decode, is decoded once in the page and its peaks kept by the engine', async ({ app }) => {
  // Under CI .ci/run installs ffmpeg, so this never skips there.
  test.skip(!hasFfmpeg() && process.env.CI !== 'true', NO_FFMPEG)
  const { page } = app
  const stored: unknown[] = []
  page.on('request', (r) => {
    if (r.url().startsWith(app.mediaOrigin) && r.resourceType() === 'fetch') stored.push(r.url())
  })
  await openExport(app, aac!)
  await page.getByTestId('recording-row').first().click()
  await expect(page.getByTestId('player')).toHaveAttribute('data-status', 'ready', { timeout: 20_000 })
  await expect(page.getByTestId('player-wave')).toHaveAttribute('data-drawn', 'true')
  await expect(page.getByTestId('player-facts')).toContainText('AAC')
  expect(await inkedPixels(page)).toBeGreaterThan(200)
  expect(stored).toHaveLength(1)
  await page.getByTestId('player-play').click()
  await expect.poll(() => page.getByTestId('player-media').evaluate((m: HTMLAudioElement) => m.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.2)
  // The next recording is decoded the same way; back on the first, the engine answers with the peaks it kept.
  const media = page.getByTestId('player-media')
  const first = (await media.getAttribute('src'))!
  await page.getByRole('grid').focus()
  await page.keyboard.press('j')
  await expect(media).not.toHaveAttribute('src', first)
  await expect(media).toHaveAttribute('src', /^http:/, { timeout: 20_000 })
  await expect.poll(() => stored.length).toBe(2)
  await page.keyboard.press('k')
  // The first one's own URL again, drawn, and no third fetch: its peaks came from the engine.
  await expect(media).toHaveAttribute('src', first, { timeout: 20_000 })
  await expect(page.getByTestId('player')).toHaveAttribute('data-status', 'ready')
  await expect(page.getByTestId('player-wave')).toHaveAttribute('data-drawn', 'true')
  expect(stored).toHaveLength(2)
})
