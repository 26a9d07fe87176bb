import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { generateExport } from '../../src/core/generate'
import { closeBrowser, RENDERER_DIR, startHarness } from '../../e2e/harness'
import { hasChromium } from '../../e2e/browser'

export interface SelectTimes {
  /** Right after opening: background peaks still running, most clips not yet computed. */
  cold: number[]
  /** The same recordings again: every waveform is in the cache. */
  warm: number[]
}

/**
 * (Type-checked with the e2e project: it drives the harness and runs code in the page.)
 * Time from pressing J (next recording) to its waveform drawn, measured in the page: the key is
 * dispatched and the clock stops when the player's wavesurfer reports the new recording's
 * peaks drawn (data-drawn after redrawcomplete, with the media element on the new URL).
 */
export async function selectToWaveform(dir: string, steps = 25): Promise<SelectTimes | string> {
  if (!hasChromium()) return 'no Chromium at /usr/bin/chromium'
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) return `no built renderer at ${RENDERER_DIR} (npm run build)`
  const made = await generateExport({ provider: 'amazon', own: 150, foreign: 0, kind: 'unregistered-device', seed: 'bench-select', clips: { sampleRate: 16_000, maxSeconds: 5 } }, join(dir, 'select.zip'))
  const app = await startHarness({ home: join(dir, 'home-select') })
  try {
    const { page } = app
    app.answerNextDialog(made.paths[0]!)
    await page.getByRole('button', { name: 'Open export…' }).click()
    await page.getByTestId('filter-count').and(page.locator(`[data-count="${made.truth.counts.recordings}"]`)).waitFor({ timeout: 60_000 })
    await page.getByTestId('recording-row').first().click()
    await page.locator('[data-testid=player-wave][data-drawn=true]').waitFor({ timeout: 30_000 })
    const pass = async (): Promise<number[]> => {
      const times: number[] = []
      for (let i = 0; i < steps; i++) {
        times.push(
          await page.evaluate(
            () =>
              new Promise<number>((resolve, reject) => {
                const media = document.querySelector<HTMLAudioElement>('[data-testid=player-media]')!
                const before = media.getAttribute('src')
                const t0 = performance.now()
                window.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }))
                const check = () => {
                  const wave = document.querySelector('[data-testid=player-wave]')
                  const src = media.getAttribute('src')
                  if (wave?.getAttribute('data-drawn') === 'true' && src && src !== before) resolve(performance.now() - t0)
                  else if (performance.now() - t0 > 20_000) reject(new Error('no waveform within 20 s'))
                  else requestAnimationFrame(check)
                }
                requestAnimationFrame(check)
              })
          )
        )
      }
      return times
    }
    const cold = await pass()
    // Back to the first, then the same steps with every clip's peaks cached.
    await page.keyboard.press('Home')
    await page.getByTestId('recording-row').first().click()
    await page.waitForFunction(() => document.querySelector('[data-testid=player-wave]')?.getAttribute('data-drawn') === 'true')
    const warm = await pass()
    return { cold, warm }
  } finally {
    await app.close()
    await closeBrowser()
  }
}

// Run by index.ts in a child process (Chromium's memory is not the pool's): prints the times as JSON.
if (require.main === module) {
  selectToWaveform(process.argv[2]!)
    .then((r) => process.stdout.write(JSON.stringify(r)))
    .catch((err: unknown) => {
      process.stdout.write(JSON.stringify(err instanceof Error ? err.message : String(err)))
    })
}
