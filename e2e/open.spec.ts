import { writeFile } from 'node:fs/promises'
import { manyEntriesZip, renameBytes, workDir, zipBuffer } from '../test/fixtures/archives'
import { expect, test } from './fixtures'

let work: Awaited<ReturnType<typeof workDir>>
test.beforeAll(async () => {
  work = await workDir()
})
test.afterAll(async () => {
  await work.done()
})

test('the sample export opens from the welcome screen', async ({ app }) => {
  const { page } = app
  await page.getByRole('button', { name: 'Try the sample export' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'sample-export.zip' })).toBeVisible({ timeout: 30_000 })
  // The sample is a real generated Amazon export: its audio files are counted by the engine.
  await expect(page.getByTestId('audio-count')).toHaveText(/^[1-9]\d*$/)
})

test('an export chosen in the open dialog opens, and a broken one lists its problems', async ({ app }) => {
  const { page } = app
  const good = await zipBuffer([
    { name: 'Alexa/audio/one.wav', data: Buffer.alloc(4000, 1) },
    { name: 'Alexa/audio/two.wav', data: Buffer.alloc(4000, 2) },
    { name: 'xx/evil.wav', data: 'not really audio' }
  ])
  const path = work.path('broken.zip')
  await writeFile(path, renameBytes(good, 'xx/evil.wav', '../evil.wav'))
  app.answerNextDialog(path)
  await page.getByRole('button', { name: 'Open export…' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'broken.zip' })).toBeVisible()
  await expect(page.getByText('../evil.wav').first()).toBeVisible()
  await expect(page.getByText(/problems? while reading/).first()).toBeVisible()
  // In German the kind of problem is named in German; the engine's exact detail stays, marked as English.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  await expect(page.getByTestId('problem-kind').first()).toHaveText('Pfad zeigt aus dem Archiv hinaus, nur als Text gezeigt:')
  await expect(page.getByTestId('problems').locator('[lang=en]').first()).toContainText('../evil.wav')
  // Once read, the panel folds to its count and gives the recordings the room; unfolded, its lines are back.
  const panel = page.getByTestId('problems')
  await panel.getByRole('button', { name: 'Ausblenden' }).click()
  await expect(page.getByTestId('problem-kind').first()).toBeHidden()
  await expect(panel.getByRole('heading', { name: /beim Lesen/ })).toBeVisible()
  await panel.getByRole('button', { name: 'Probleme zeigen' }).click()
  await expect(page.getByTestId('problem-kind').first()).toBeVisible()
})

test('a file that is not an archive says what is wrong, and Back returns to the start', async ({ app }) => {
  const { page } = app
  const path = work.path('notes.zip')
  await writeFile(path, 'These are my notes, not a ZIP file at all.')
  app.answerNextDialog(path)
  await page.getByRole('button', { name: 'Open export…' }).click()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('notes.zip')
  await expect(alert).toContainText('is not a ZIP or tar archive')
  await page.getByRole('button', { name: 'Back' }).click()
  await expect(page.getByRole('button', { name: 'Open export…' })).toBeVisible()
})

test('opening a large export shows progress and can be cancelled', async ({ app }) => {
  const { page } = app
  const path = work.path('large.zip')
  await manyEntriesZip(path, 400_000)
  app.answerNextDialog(path)
  await page.getByRole('button', { name: 'Open export…' }).click()
  await expect(page.getByRole('progressbar')).toBeVisible()
  // The progress view names the phase and counts what it has read so far.
  await expect(page.getByRole('heading', { level: 1, name: 'Opening large.zip' })).toBeVisible()
  await expect(page.getByText(/^(Reading the table of contents|Looking inside archives within the archive|Finishing)$/)).toBeVisible()
  await expect(page.getByText(/^[\d,]+ files · [\d.,]+ \S+ of [\d.,]+ \S+$/)).toBeVisible()
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('button', { name: 'Open export…' })).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)
})

test('an unknown voice-history table is mapped by hand, and the recordings appear', async ({ app }) => {
  const { buildExport } = await import('../src/core/generate')
  const { writeZipParts } = await import('../src/core/generate/write-zip')
  const { tree } = await buildExport({ provider: 'amazon', own: 1, foreign: 0, kind: 'none', seed: 'e2e-map', clips: { sampleRate: 8000, maxSeconds: 0.3 } })
  tree.parts[0]!.name = 'unknown-header.zip'
  tree.parts[0]!.nodes.push({ path: 'Alexa/Alexa.VoiceHistory.csv', content: 'Zeitpunkt;Gerät;Gesagt\n2023-03-01 10:00:00;Küche;hallo\n2023-03-01 10:05:00;Küche;tschüss\n' })
  const [path] = await writeZipParts(tree, work.dir)
  const { page } = app
  app.answerNextDialog(path!)
  await page.getByRole('button', { name: 'Open export…' }).click()
  const before = Number(await page.getByTestId('recording-count').textContent())
  const mapper = page.getByRole('region', { name: 'A table we could not read by ourselves' })
  await expect(mapper).toContainText('Alexa/Alexa.VoiceHistory.csv')
  await mapper.getByRole('combobox', { name: 'Time *' }).selectOption('Zeitpunkt')
  await mapper.getByRole('combobox', { name: 'Device name' }).selectOption('Gerät')
  await mapper.getByRole('combobox', { name: 'What was said' }).selectOption('Gesagt')
  await mapper.getByRole('button', { name: 'Save mapping and read again' }).click()
  await expect(mapper).toHaveCount(0)
  await expect(page.getByTestId('recording-count')).toHaveText(String(before + 2))
})

test('a dropped export opens through the token main grants for it; a file made by script, or a path of the page’s choosing, does not', async ({ app }) => {
  const { page } = app
  const path = work.path('dropped.zip')
  await writeFile(path, await zipBuffer([{ name: 'Alexa/audio/one.wav', data: Buffer.alloc(4000, 1) }]))
  const drop = (name: string) =>
    page.getByTestId('dropzone').evaluate((zone, fileName) => {
      const data = new DataTransfer()
      data.items.add(new File(['x'], fileName))
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }))
    }, name)
  // A File the page made has no path on disk, so nothing grants it a token.
  await drop('made-by-script.zip')
  await expect(page.getByText('This file has no path on disk')).toBeVisible()
  // openArchive takes only a token: a path (or a token nobody granted) is refused before any file is touched.
  const refused = await page.evaluate(async (p) => {
    const bridge = (window as unknown as { exportscope: Record<string, (r: unknown) => Promise<{ ok: boolean; error?: { code: string } }>> }).exportscope
    const asPath = await bridge.openArchive!({ path: p, jobId: 'x1' })
    const forged = await bridge.openArchive!({ token: 'p0123456789abcdef01234567', jobId: 'x2' })
    return [asPath.error?.code, forged.error?.code]
  }, path)
  expect(refused).toEqual(['invalid-payload', 'forbidden-path'])
  // A real drop (the harness stands in for webUtils.getPathForFile) opens.
  await app.allowDrop('dropped.zip', path)
  await drop('dropped.zip')
  await expect(page.getByRole('heading', { level: 1, name: 'dropped.zip' })).toBeVisible()
})
