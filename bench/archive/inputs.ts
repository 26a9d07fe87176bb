import { createWriteStream } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { ZipFile } from 'yazl'
import { manyEntriesZip } from '../../test/fixtures/archives'

export interface BenchInput {
  label: string
  file: string
  entries: number
}

const MTIME = new Date(2018, 11, 1, 10, 0, 0)

function finish(zip: ZipFile, file: string): Promise<void> {
  zip.end()
  return pipeline(zip.outputStream, createWriteStream(file))
}

/** 16-bit mono PCM of a noisy random walk: deflates by a few percent, as real voice WAVs do. */
function pcmPool(bytes: number, seed: number): Buffer {
  const pool = Buffer.alloc(bytes)
  let state = seed >>> 0
  let sample = 0
  for (let i = 0; i + 1 < bytes; i += 2) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    sample = Math.max(-32768, Math.min(32767, Math.round(sample * 0.97 + ((state >>> 16) - 32768) / 6)))
    pool.writeInt16LE(sample, i)
  }
  return pool
}

function wav(pcm: Buffer): Buffer {
  const header = Buffer.alloc(44)
  header.write('RIFF', 0)
  header.writeUInt32LE(36 + pcm.length, 4)
  header.write('WAVEfmt ', 8)
  header.writeUInt32LE(16, 16)
  header.writeUInt16LE(1, 20)
  header.writeUInt16LE(1, 22)
  header.writeUInt32LE(16_000, 24)
  header.writeUInt32LE(32_000, 28)
  header.writeUInt16LE(2, 32)
  header.writeUInt16LE(16, 34)
  header.write('data', 36)
  header.writeUInt32LE(pcm.length, 40)
  return Buffer.concat([header, pcm])
}

/** The 2018 Alexa answer: ~1,700 short voice WAVs of ~58 KB plus some fifty files of the requester's own data. */
export async function seedExport(file: string): Promise<BenchInput> {
  const zip = new ZipFile()
  const pool = pcmPool(4 * 1024 * 1024, 2018)
  const wavs = 1700
  for (let i = 0; i < wavs; i++) {
    const length = 50_000 + ((i * 7919) % 16_000) * 2
    const start = ((i * 104_729) % (pool.length - length)) & ~1
    zip.addBuffer(wav(pool.subarray(start, start + length)), `Alexa/Audio/${String(i).padStart(4, '0')}.wav`, { mtime: MTIME })
  }
  const others = 52
  for (let i = 0; i < others; i++) zip.addBuffer(Buffer.from(`OrderId,Date,Title\n${`${i},2018-11-0${i % 9},Item ${i}\n`.repeat(200)}`), `Retail.OrderHistory.${i}/Retail.OrderHistory.${i}.csv`, { mtime: MTIME })
  await finish(zip, file)
  return { label: 'seed: 1,700 WAV, deflated', file, entries: wavs + others }
}

/** 100,000 one-byte entries (Zip64 for the count), from the archive engine's fast test generator: yazl is quadratic in the entry count. */
export async function manyEntries(file: string, count: number): Promise<BenchInput> {
  await manyEntriesZip(file, count)
  return { label: `${count.toLocaleString('en-US')} entries (Zip64)`, file, entries: count }
}

/** Endless pattern bytes from one reused buffer, so gigabytes never sit in memory. */
function patternStream(total: number): Readable {
  const chunk = Buffer.alloc(1024 * 1024)
  for (let i = 0; i < chunk.length; i++) chunk[i] = (i * 31 + (i >> 10)) & 0xff
  let left = total
  return new Readable({
    read() {
      if (left <= 0) return void this.push(null)
      const n = Math.min(left, chunk.length)
      left -= n
      this.push(n === chunk.length ? chunk : chunk.subarray(0, n))
    }
  })
}

/** One big stored video-like entry (Zip64 sizes when over 4 GiB) beside 200 small files: only the size differs between runs. */
export async function bigExport(file: string, bigBytes: number, label: string): Promise<BenchInput> {
  const zip = new ZipFile()
  const small = 200
  for (let i = 0; i < small; i++) zip.addBuffer(Buffer.alloc(2000, i), `Takeout/Voice and Audio/clip-${i}.mp3`, { mtime: MTIME, compress: false })
  zip.addReadStream(patternStream(bigBytes), 'Takeout/Google Photos/video.mp4', { mtime: MTIME, compress: false, size: bigBytes })
  await finish(zip, file)
  return { label, file, entries: small + 1 }
}
