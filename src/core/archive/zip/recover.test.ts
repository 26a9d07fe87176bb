import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { workDir, zipBuffer, zipLayout } from '../../../../test/fixtures/archives'
import { byPath, readAll } from '../../../../test/fixtures/read'
import { openArchive } from '../index'

let work: Awaited<ReturnType<typeof workDir>>
beforeAll(async () => (work = await workDir()))
afterAll(() => work.done())

const open = async (buf: Buffer) => openArchive(await work.write(buf), {})

const wav = randomBytes(40_000)
const csv = 'time,transcript\n'.repeat(2000)

/** Amazon's shape: category ZIPs stored inside the export and streamed, so their sizes wait in a data descriptor. */
async function export_(): Promise<Buffer> {
  const registration = await zipBuffer([{ name: 'registration.csv', data: 'serial,name\nG070,Echo\n' }])
  const alexa = await zipBuffer([
    { name: 'Alexa/Audio/a.wav', data: wav, compress: false },
    { name: 'Alexa/Alexa.VoiceHistory.csv', data: csv },
    { name: 'Alexa/Audio/b.wav', data: wav, compress: false }
  ])
  return zipBuffer([
    { name: 'README.txt', data: 'read me' },
    { name: 'Devices.Registration.zip', data: registration, compress: false, stream: true },
    { name: 'Alexa.zip', data: alexa, compress: false, stream: true },
    { name: 'last.txt', data: 'last' }
  ])
}

const paths = (a: Awaited<ReturnType<typeof open>>) => a.entries.map((e) => e.info.path)

describe('recovering an export whose nested ZIPs are stored and streamed', () => {
  it('without its central directory: each nested ZIP ends at its descriptor, its entries listed inside it', async () => {
    const buf = await export_()
    const a = await open(buf.subarray(0, zipLayout(buf).centralStart))
    try {
      expect(paths(a)).toEqual([
        'README.txt',
        'Devices.Registration.zip',
        'Devices.Registration.zip!/registration.csv',
        'Alexa.zip',
        'Alexa.zip!/Alexa/Audio/a.wav',
        'Alexa.zip!/Alexa/Alexa.VoiceHistory.csv',
        'Alexa.zip!/Alexa/Audio/b.wav',
        'last.txt'
      ])
      expect(a.problems.map((p) => p.kind)).toEqual(['central-directory'])
      expect((await readAll(a, byPath(a, 'Alexa.zip!/Alexa/Audio/b.wav'))).equals(wav)).toBe(true)
      expect((await readAll(a, byPath(a, 'Alexa.zip!/Alexa/Alexa.VoiceHistory.csv'))).toString()).toBe(csv)
      expect((await readAll(a, byPath(a, 'last.txt'))).toString()).toBe('last')
    } finally {
      await a.close()
    }
  })

  it('cut off inside a nested ZIP (an interrupted download): its whole entries come back under its name, not as the outer archive\'s', async () => {
    const buf = await export_()
    const outer = zipLayout(buf).entries.find((e) => e.name === 'Alexa.zip')!
    const inner = zipLayout(buf.subarray(outer.data, outer.data + outer.compressedSize)).entries.find((e) => e.name === 'Alexa/Audio/b.wav')!
    // Halfway through b.wav's data.
    const a = await open(buf.subarray(0, outer.data + inner.data + 20_000))
    try {
      expect(paths(a)).toEqual(['README.txt', 'Devices.Registration.zip', 'Devices.Registration.zip!/registration.csv', 'Alexa.zip', 'Alexa.zip!/Alexa/Audio/a.wav', 'Alexa.zip!/Alexa/Alexa.VoiceHistory.csv', 'Alexa.zip!/Alexa/Audio/b.wav'])
      const kinds = a.problems.map((p) => `${p.kind} ${p.path ?? ''}`)
      expect(kinds).toEqual(expect.arrayContaining(['central-directory ', 'unknown-size Alexa.zip', 'central-directory Alexa.zip', 'truncated Alexa.zip!/Alexa/Audio/b.wav']))
      expect(a.problems.some((p) => p.kind === 'nested')).toBe(false)
      expect((await readAll(a, byPath(a, 'Alexa.zip!/Alexa/Audio/a.wav'))).equals(wav)).toBe(true)
      expect((await readAll(a, byPath(a, 'Alexa.zip!/Alexa/Alexa.VoiceHistory.csv'))).toString()).toBe(csv)
    } finally {
      await a.close()
    }
  })

  it('a streamed ZIP whose descriptor is lost: what follows is listed inside it, not dropped', async () => {
    const buf = await export_()
    const layout = zipLayout(buf)
    const reg = layout.entries.find((e) => e.name === 'Devices.Registration.zip')!
    const cut = Buffer.from(buf.subarray(0, layout.centralStart))
    // The descriptor (with its signature: 16 bytes) right after the registration ZIP's data, overwritten.
    cut.fill(0x20, reg.data + reg.compressedSize, reg.data + reg.compressedSize + 16)
    const a = await open(cut)
    try {
      expect(paths(a)).toEqual(expect.arrayContaining(['Devices.Registration.zip!/registration.csv', 'Devices.Registration.zip!/Alexa.zip', 'Devices.Registration.zip!/last.txt']))
      expect(a.entries.length).toBeGreaterThanOrEqual(6)
    } finally {
      await a.close()
    }
  })

  it('a stored entry that is not a ZIP still ends at the next header, as before', async () => {
    const buf = await zipBuffer([
      { name: 'fake.zip', data: randomBytes(5000), compress: false, stream: true },
      { name: 'after.txt', data: 'after' }
    ])
    const a = await open(buf.subarray(0, zipLayout(buf).centralStart))
    try {
      expect(paths(a)).toEqual(['fake.zip', 'after.txt'])
      expect((await readAll(a, byPath(a, 'after.txt'))).toString()).toBe('after')
    } finally {
      await a.close()
    }
  })
})
