import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { PeaksPool } from '../../src/core/audio/pool/pool'
import { sine, square, toInt16 } from '../../src/core/audio/testing/signals'
import { writeFlac } from '../../src/core/audio/testing/flac-writer'
import { writeMp3 } from '../../src/core/audio/testing/mp3-writer'
import { writeOggOpus } from '../../src/core/audio/testing/ogg-writer'
import { writeWav } from '../../src/core/audio/testing/wav-writer'

// EXPORTSCOPE_OUT_DIR lets parallel work test its own build (electron-vite build --outDir X, inside
// the project: the worker imports its decoders from node_modules).
const out = process.env.EXPORTSCOPE_OUT_DIR ?? resolve(__dirname, '../../out')
const worker = resolve(out, 'main/peaks-worker.js')

/** The pool run against the bundled worker, exactly as the packaged app starts it (no tsx, no sources). */
const pool = new PeaksPool({ size: 1, spec: { filename: worker, eval: false }, stallMs: 20_000 })
afterAll(() => pool.close())

const run = (bytes: Uint8Array, buckets = 500) => pool.run({ size: bytes.length, buckets, open: async () => [bytes] })

describe('the built peaks worker (out/main/peaks-worker.js)', () => {
  it('exists after the build', () => {
    expect(existsSync(worker), worker).toBe(true)
  })

  it('computes WAV peaks: duration, rate and the signal’s amplitude', async () => {
    const outcome = await run(writeWav([square(100, 8000, 2, 0.5)], 8000, { codec: 'pcm', bits: 16 }))
    expect(outcome).toMatchObject({ status: 'ready', codec: 'pcm', sampleRate: 8000, channels: 1, duration: 2 })
    if (outcome.status !== 'ready') return
    expect(outcome.max).toHaveLength(500)
    expect(Math.max(...outcome.max)).toBe(Math.round(0.5 * 32767))
    // The writer rounds -0.5 to -16384, one step past +16383's mirror.
    expect(Math.abs(Math.min(...outcome.min) + Math.round(0.5 * 32767))).toBeLessThanOrEqual(1)
  })

  it('decodes MP3, Ogg/Opus and FLAC with the bundled decoders', async () => {
    const mp3 = await run(await writeMp3(toInt16(sine(300, 16000, 1, 0.8)), 16000))
    expect(mp3).toMatchObject({ status: 'ready', codec: 'mp3', sampleRate: 16000 })
    const opus = await run((await writeOggOpus(toInt16(sine(300, 48000, 1, 0.8)), 48000)).bytes)
    expect(opus).toMatchObject({ status: 'ready', codec: 'opus' })
    const flac = await run(writeFlac([toInt16(sine(300, 16000, 1, 0.8))], 16000))
    expect(flac).toMatchObject({ status: 'ready', codec: 'flac', sampleRate: 16000, duration: 1 })
    for (const o of [mp3, opus, flac]) if (o.status === 'ready') expect(Math.max(...o.max) / 32767).toBeGreaterThan(0.6)
  })

  it('says why garbage cannot be read', async () => {
    const outcome = await run(Buffer.from('not audio at all '.repeat(100)))
    expect(outcome).toMatchObject({ status: 'error' })
  })
})
