import { createWriteStream } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { ZipFile } from 'yazl'
import { encodeMp3 } from '../../src/core/generate/mp3'
import { writeWav } from '../../src/core/audio/testing/wav-writer'

const RATE = 16_000
const SECONDS = 5
/** Distinct clips; the 1,700 entries reuse them under different names (encoding 1,700 MP3s with lamejs would take minutes). */
const DISTINCT = 24

/** Speech-like: a few drifting partials under a syllable envelope, plus noise, so deflate cannot cheat. */
function voice(seed: number): Float32Array {
  let s = seed * 7919 + 1
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  const out = new Float32Array(RATE * SECONDS)
  const f0 = 90 + rnd() * 140
  for (let i = 0; i < out.length; i++) {
    const t = i / RATE
    const env = Math.max(0, Math.sin(Math.PI * t * (3 + (seed % 3)))) ** 2
    const pitch = f0 * (1 + 0.05 * Math.sin(2 * Math.PI * 0.7 * t))
    let v = 0
    for (let h = 1; h <= 4; h++) v += Math.sin(2 * Math.PI * pitch * h * t) / h
    out[i] = 0.3 * env * v + 0.02 * (rnd() - 0.5)
  }
  return out
}

export interface BenchInputs {
  zip: string
  /** Loose copies of the distinct clips, and the list of 1,700 that ffmpeg's concat demuxer reads. */
  lists: string[][]
}

export async function makeInputs(dir: string, format: 'wav' | 'mp3', count: number): Promise<BenchInputs> {
  await mkdir(join(dir, format), { recursive: true })
  const clips: Buffer[] = []
  for (let i = 0; i < DISTINCT; i++) {
    const v = voice(i)
    clips.push(format === 'wav' ? writeWav([v], RATE, { codec: 'pcm', bits: 16 }) : await encodeMp3(Int16Array.from(v, (x) => Math.round(x * 32767)), RATE))
  }
  const loose = await Promise.all(
    clips.map(async (c, i) => {
      const path = join(dir, format, `clip-${i}.${format}`)
      await writeFile(path, c)
      return path
    })
  )
  const zip = new ZipFile()
  for (let i = 0; i < count; i++) zip.addBuffer(clips[i % DISTINCT]!, `audio/${format}/recording-${String(i).padStart(5, '0')}.${format}`, { mtime: new Date(2018, 0, 1), compress: true })
  zip.end()
  const path = join(dir, `export-${format}.zip`)
  await pipeline(zip.outputStream, createWriteStream(path))
  // Two lists for two ffmpeg processes: the same parallelism as the pool on this machine.
  const all = Array.from({ length: count }, (_, i) => loose[i % DISTINCT]!)
  return { zip: path, lists: [all.filter((_, i) => i % 2 === 0), all.filter((_, i) => i % 2 === 1)] }
}
