import { createWriteStream } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { ZipFile } from 'yazl'

const MTIME = new Date(Date.UTC(2024, 2, 1, 10, 10, 10))

/**
 * An Alexa export whose voice history holds `rows` ordinary rows and, in the middle, one row whose
 * transcript is `fieldBytes` long (a broken export, or a hostile one): streamed, never in memory.
 * The reader must skip that record with a problem line and read every row after it.
 */
export async function bigFieldExport(file: string, rows: number, fieldBytes: number): Promise<void> {
  const half = Math.floor(rows / 2)
  const row = (i: number) => `2023-03-01T${String(10 + Math.floor(i / 3600) % 14).padStart(2, '0')}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z,Echo,G090LF1122334455,A1OWNER7XQ2ZKM,play some music\n`
  const filler = Buffer.alloc(1024 * 1024, 'a')
  function* csv(): Generator<Buffer> {
    yield Buffer.from('Timestamp,Device Name,Device Serial Number,Customer ID,Utterance\n')
    for (let i = 0; i < half; i++) yield Buffer.from(row(i))
    yield Buffer.from('2023-03-01T09:00:00Z,Echo,G090LF1122334455,A1OWNER7XQ2ZKM,"')
    for (let left = fieldBytes; left > 0; left -= filler.length) yield left >= filler.length ? filler : filler.subarray(0, left)
    yield Buffer.from('"\n')
    for (let i = half; i < rows; i++) yield Buffer.from(row(i))
  }
  const zip = new ZipFile()
  zip.addBuffer(Buffer.from('CustomerId,Marketplace\nA1OWNER7XQ2ZKM,amazon.de\n'), 'Digital.CustomerAttributes.1.csv', { mtime: MTIME })
  // Stored: a field of one repeated letter would deflate past the zip-bomb ratio and be refused whole.
  zip.addReadStream(Readable.from(csv()), 'Alexa/Alexa.VoiceHistory.csv', { mtime: MTIME, compress: false })
  zip.end()
  await pipeline(zip.outputStream, createWriteStream(file))
}
