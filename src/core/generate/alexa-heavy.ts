// A heavy Alexa user's "Request your data" answer at any size, written fast and streaming: N stored
// WAVs of real sizes (8-56 KB, about 30 KB on average), one Alexa.VoiceHistory.csv of N rows (deflated,
// as Amazon packs text), the registration ZIP and the customer files. yazl is quadratic in the
// entry count, so this writes the ZIP itself (Zip64 where counts or offsets need it).
import { createWriteStream, type WriteStream } from 'node:fs'
import { once } from 'node:events'
import { crc32, deflateRawSync } from 'node:zlib'

const DOS_TIME = (10 << 11) | (10 << 5) | 5
const DOS_DATE = ((2024 - 1980) << 9) | (3 << 5) | 1
// Distinct clips reused under different names: their CRCs are computed once, and the bytes vary.
const CLIPS = 256

interface Central {
  name: Buffer
  crc: number
  method: number
  compressed: number
  size: number
  offset: number
}

/** A ZIP written entry by entry to a stream, with no data descriptors. */
class ZipWriter {
  private offset = 0
  private readonly centrals: Central[] = []
  constructor(private readonly out: { write(b: Buffer): Promise<void> }) {}

  async add(path: string, data: Buffer, options: { deflate?: boolean; crc?: number } = {}): Promise<void> {
    const name = Buffer.from(path, 'utf8')
    const crc = options.crc ?? crc32(data)
    const body = options.deflate ? deflateRawSync(data) : data
    const method = options.deflate ? 8 : 0
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt16LE(DOS_TIME, 10)
    local.writeUInt16LE(DOS_DATE, 12)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(name.length, 26)
    this.centrals.push({ name, crc, method, compressed: body.length, size: data.length, offset: this.offset })
    await this.out.write(Buffer.concat([local, name]))
    await this.out.write(body)
    this.offset += 30 + name.length + body.length
  }

  async end(): Promise<void> {
    const start = this.offset
    let chunk: Buffer[] = []
    let centralBytes = 0
    for (const c of this.centrals) {
      const far = c.offset >= 0xffffffff
      const extra = far ? Buffer.alloc(12) : Buffer.alloc(0)
      if (far) {
        extra.writeUInt16LE(0x0001, 0)
        extra.writeUInt16LE(8, 2)
        extra.writeBigUInt64LE(BigInt(c.offset), 4)
      }
      const rec = Buffer.alloc(46)
      rec.writeUInt32LE(0x02014b50, 0)
      rec.writeUInt16LE(far ? 45 : 20, 4)
      rec.writeUInt16LE(far ? 45 : 20, 6)
      rec.writeUInt16LE(0x0800, 8)
      rec.writeUInt16LE(c.method, 10)
      rec.writeUInt16LE(DOS_TIME, 12)
      rec.writeUInt16LE(DOS_DATE, 14)
      rec.writeUInt32LE(c.crc, 16)
      rec.writeUInt32LE(c.compressed, 20)
      rec.writeUInt32LE(c.size, 24)
      rec.writeUInt16LE(c.name.length, 28)
      rec.writeUInt16LE(extra.length, 30)
      rec.writeUInt32LE(0o100644 * 0x10000, 38)
      rec.writeUInt32LE(far ? 0xffffffff : c.offset, 42)
      chunk.push(rec, c.name, extra)
      centralBytes += 46 + c.name.length + extra.length
      if (chunk.length > 3000) {
        await this.out.write(Buffer.concat(chunk))
        chunk = []
      }
    }
    await this.out.write(Buffer.concat(chunk))
    const count = this.centrals.length
    const zip64 = count >= 0xffff || start >= 0xffffffff
    if (zip64) {
      const eocd64 = Buffer.alloc(56)
      eocd64.writeUInt32LE(0x06064b50, 0)
      eocd64.writeBigUInt64LE(44n, 4)
      eocd64.writeUInt16LE(45, 12)
      eocd64.writeUInt16LE(45, 14)
      eocd64.writeBigUInt64LE(BigInt(count), 24)
      eocd64.writeBigUInt64LE(BigInt(count), 32)
      eocd64.writeBigUInt64LE(BigInt(centralBytes), 40)
      eocd64.writeBigUInt64LE(BigInt(start), 48)
      const locator = Buffer.alloc(20)
      locator.writeUInt32LE(0x07064b50, 0)
      locator.writeBigUInt64LE(BigInt(start + centralBytes), 8)
      locator.writeUInt32LE(1, 16)
      await this.out.write(Buffer.concat([eocd64, locator]))
    }
    const eocd = Buffer.alloc(22)
    eocd.writeUInt32LE(0x06054b50, 0)
    eocd.writeUInt16LE(zip64 ? 0xffff : count, 8)
    eocd.writeUInt16LE(zip64 ? 0xffff : count, 10)
    eocd.writeUInt32LE(zip64 ? 0xffffffff : centralBytes, 12)
    eocd.writeUInt32LE(zip64 ? 0xffffffff : start, 16)
    await this.out.write(eocd)
  }
}

function streamOut(file: string): { write(b: Buffer): Promise<void>; close(): Promise<void>; stream: WriteStream } {
  const stream = createWriteStream(file)
  return {
    stream,
    async write(b) {
      if (!stream.write(b)) await once(stream, 'drain')
    },
    async close() {
      stream.end()
      await once(stream, 'close')
    }
  }
}

/** 16 kHz mono PCM WAV of a damped random walk: voice-like bytes that barely deflate. */
function clip(bytes: number, seed: number): Buffer {
  const pcm = bytes - 44
  const out = Buffer.alloc(44 + pcm)
  out.write('RIFF', 0)
  out.writeUInt32LE(36 + pcm, 4)
  out.write('WAVEfmt ', 8)
  out.writeUInt32LE(16, 16)
  out.writeUInt16LE(1, 20)
  out.writeUInt16LE(1, 22)
  out.writeUInt32LE(16_000, 24)
  out.writeUInt32LE(32_000, 28)
  out.writeUInt16LE(2, 32)
  out.writeUInt16LE(16, 34)
  out.write('data', 36)
  out.writeUInt32LE(pcm, 40)
  let state = seed >>> 0
  let sample = 0
  for (let i = 44; i + 1 < out.length; i += 2) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    sample = Math.max(-32768, Math.min(32767, Math.round(sample * 0.97 + ((state >>> 16) - 32768) / 6)))
    out.writeInt16LE(sample, i)
  }
  return out
}

const SAID = [
  'what is the weather today', 'play some music', 'set a timer for ten minutes', 'turn off the kitchen lights',
  'wie wird das Wetter morgen', 'spiel Radio Eins', 'stell einen Wecker für sieben Uhr', 'wie spät ist es',
  'add milk to my shopping list', 'what time is it', 'tell me a joke', 'schalte das Licht im Flur aus',
  'how far is the moon', 'volume up', 'stop', 'call mum', 'erinnere mich an den Müll', 'next song please'
]
const OWNER_ID = 'A1OWNER7XQ2ZKM'
const STRANGER_ID = 'A3STRANGER9PLQ'
const DEVICES = [
  { name: "Anna's Echo Dot", serial: 'G090LF1122334455', type: 'ECHO', registered: true },
  { name: 'Kitchen Echo Show', serial: 'G000RA0987654321', type: 'ECHO_SHOW', registered: true },
  { name: 'Fire TV Stick', serial: 'G070VM1234ABCD56', type: 'FIRE_TV', registered: true },
  // Not among the account's registered devices: what the 2018 case looked like.
  { name: 'Echo', serial: 'G0911W0512340FF1', type: 'ECHO', registered: false }
]

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
const csvRow = (cells: string[]) => `${cells.map(csvCell).join(',')}\n`

/** A small ZIP in memory (the registration file is nested, as Amazon packs it). */
async function zipBytes(entries: Array<[string, string]>): Promise<Buffer> {
  const parts: Buffer[] = []
  const zip = new ZipWriter({ write: async (b) => void parts.push(Buffer.from(b)) })
  for (const [name, text] of entries) await zip.add(name, Buffer.from(text), { deflate: true })
  await zip.end()
  return Buffer.concat(parts)
}

export interface AlexaExport {
  file: string
  recordings: number
  bytes: number
  /** Recordings from the unregistered device or with the stranger's customer id. */
  foreign: number
}

/** Writes the export; `recordings` rows and as many WAVs, the same bytes for the same count. */
export async function writeAlexaExport(file: string, recordings: number): Promise<AlexaExport> {
  const out = streamOut(file)
  const zip = new ZipWriter(out)
  const clips = Array.from({ length: CLIPS }, (_, i) => clip(8_000 + ((i * 7919) % 48_000), 2018 + i))
  const crcs = clips.map((c) => crc32(c))
  await zip.add('README.txt', Buffer.from('A SYNTHETIC export made by Exportscope\'s bench: every person, device and recording is invented.\n'), { deflate: true })
  await zip.add('Digital.CustomerAttributes.1.csv', Buffer.from(`CustomerId,Marketplace,PreferredLanguage\n${OWNER_ID},amazon.de,de_DE\n`), { deflate: true })
  const registration = ['AccountName,DeviceSerialNumber,DeviceType,DeviceFamily,FirstTimeRegistered,LastDeregistered,Customer modified date on device\n']
  for (const d of DEVICES.filter((x) => x.registered)) registration.push(csvRow(['Anna Beispiel', d.serial, 'A3S5BH2HU6VAYF', d.type, '2021-06-01T10:00:00Z', '', '']))
  await zip.add('Devices.Registration.zip', await zipBytes([['registration.csv', registration.join('')]]))
  await zip.add('Retail.OrderHistory.1/Retail.OrderHistory.1.csv', Buffer.from('Website,Order ID,Order Date,Product Name,Total Owed\nAmazon.de,302-1234567-1234567,2023-01-12T09:14:02Z,"Kaffeebohnen, 1 kg",14.99\n'), { deflate: true })

  const rows: string[] = [csvRow(['Timestamp', 'Device Name', 'Device Serial Number', 'Customer ID', 'Utterance', 'Audio File', 'Device Type', 'Alexa Response', 'Status'])]
  const start = Date.UTC(2021, 6, 1, 6, 0, 0)
  // Spread over three years: about 90 a day.
  const step = Math.floor((3 * 365 * 86_400_000) / Math.max(1, recordings))
  const names: string[] = []
  let foreign = 0
  for (let i = 0; i < recordings; i++) {
    const t = new Date(start + i * step + ((i * 7_654_321) % step))
    const iso = `${t.toISOString().slice(0, 19)}Z`
    const device = DEVICES[i % 97 === 13 ? 3 : i % 3]!
    const stranger = i % 1009 === 500
    if (!device.registered || stranger) foreign++
    const name = `${iso.slice(0, 10).replace(/-/g, '')}-${String(i + 1).padStart(6, '0')}.wav`
    names.push(name)
    rows.push(csvRow([iso, device.name, device.serial, stranger ? STRANGER_ID : OWNER_ID, SAID[(i * 31) % SAID.length]!, `Audio/${name}`, device.type, 'OK', 'SUCCESS']))
  }
  await zip.add('Alexa/Alexa.VoiceHistory.csv', Buffer.from(rows.join('')), { deflate: true })
  rows.length = 0
  for (let i = 0; i < recordings; i++) {
    const k = (i * 131) % CLIPS
    await zip.add(`Alexa/Audio/${names[i]}`, clips[k]!, { crc: crcs[k] })
  }
  await zip.end()
  await out.close()
  return { file, recordings, bytes: out.stream.bytesWritten, foreign }
}

if (require.main === module) {
  const [file, n] = process.argv.slice(2)
  if (!file || !Number(n)) {
    process.stderr.write('usage: tsx bench/session/alexa-export.ts OUT.zip RECORDINGS\n')
    process.exit(2)
  }
  writeAlexaExport(file, Number(n)).then((made) => process.stdout.write(`${JSON.stringify(made)}\n`))
}
