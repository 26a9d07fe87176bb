import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { workDir, writeZip } from '../../../test/fixtures/archives'
import { recordingOf } from '../../../test/fixtures/recording'
import { contract } from '../../shared/ipc/contract'
import { events, type EventName } from '../../shared/ipc/events'
import { CallError } from '../../shared/ipc/result'
import type { ExportReading, Recording } from '../../shared/model/recording'
import { openArchive, type OpenedArchive } from '../archive'
import type { Platform } from '../platform'
import { createAudioHandlers } from './handlers'
import { sine, square, toInt16 } from './testing/signals'
import { writeMp3 } from './testing/mp3-writer'
import { writeM4a } from './testing/mp4-writer'
import { writeWav } from './testing/wav-writer'

const wav = (seconds: number, amp = 0.5) => writeWav([square(100, 8000, seconds, amp)], 8000, { codec: 'pcm', bits: 16 })
const original = wav(1.5, 0.75)

let work: Awaited<ReturnType<typeof workDir>>
let home: string
let archive: OpenedArchive

const recording = (id: string, path: string | null) => recordingOf({ id, provider: 'amazon', time: '2024-01-01T00:00:00Z', audio: path ? { path, part: null, size: 0 } : null })

const reading = (recordings: Recording[]) => ({ recordings }) as unknown as ExportReading

beforeAll(async () => {
  work = await workDir()
  home = await mkdtemp(join(tmpdir(), 'exportscope-home-'))
  await writeZip(work.path('export.zip'), [
    { name: 'audio/stored.wav', data: original, compress: false },
    ...Array.from({ length: 8 }, (_, i) => ({ name: `audio/${i}.wav`, data: wav(0.4 + i / 10) })),
    { name: 'audio/speech.mp3', data: await writeMp3(toInt16(sine(300, 16000, 1)), 16000) },
    { name: 'audio/note.m4a', data: writeM4a({ sampleRate: 44100, channels: 1, samples: 44100, moovFirst: false }) },
    { name: 'audio/garbage.wav', data: Buffer.from('GIF89a, not audio at all'.repeat(40)) },
    { name: 'audio/cut.wav', data: original.subarray(0, original.length - 1001) }
  ])
  archive = await openArchive(work.path('export.zip'))
})
afterAll(async () => {
  await archive?.close()
  await work?.done()
  await rm(home, { recursive: true, force: true })
})

const recordings = [
  recording('r-stored', 'audio/stored.wav'),
  ...Array.from({ length: 8 }, (_, i) => recording(`r-${i}`, `audio/${i}.wav`)),
  recording('r-mp3', 'audio/speech.mp3'),
  recording('r-m4a', 'audio/note.m4a'),
  recording('r-garbage', 'audio/garbage.wav'),
  recording('r-cut', 'audio/cut.wav'),
  recording('r-silent', null),
  recording('r-missing', 'audio/not-in-the-archive.wav')
]

function host(at = home) {
  const emitted: Array<{ name: EventName; payload: unknown }> = []
  const platform: Platform = {
    shell: 'cli',
    home: at,
    emit: (name, payload) => {
      // Every event must pass its own schema, as the harness and main check.
      events[name].parse(payload)
      emitted.push({ name, payload })
    },
    chooseArchive: async () => null,
    mediaUrl: (token) => `exportscope-media://media/${token}`
  }
  return { platform, emitted }
}

let cleanup: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c()
})

function start(options: Parameters<typeof createAudioHandlers>[2] = {}, at = home) {
  const { platform, emitted } = host(at)
  const made = createAudioHandlers(platform, () => reading(recordings), { pool: { size: 2 }, buckets: 400, ...options })
  cleanup.push(made.dispose)
  return { ...made, emitted }
}

const until = async (check: () => boolean, ms = 20_000) => {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 20))
  }
}

const collect = async (s: AsyncIterable<unknown>): Promise<Buffer> => {
  const parts: Buffer[] = []
  for await (const c of s) parts.push(c as Buffer)
  return Buffer.concat(parts)
}

describe('audio handlers', () => {
  it('answers facts, peaks and a media URL for a WAV, within the contract', async () => {
    const { handlers, lifecycle } = start()
    await lifecycle.opened('a1', { archive, reading: reading(recordings) })
    lifecycle.shown?.('a1')
    const answer = await handlers.recordingAudio({ archiveId: 'a1', recordingId: 'r-stored', waitMs: 10_000 })
    expect(contract.recordingAudio.response.parse(answer)).toEqual(answer)
    expect(answer).toMatchObject({ status: 'ready', error: null, facts: { container: 'wav', codec: 'pcm', sampleRate: 8000, channels: 1, duration: 1.5 } })
    expect(answer.mediaUrl).toMatch(/^exportscope-media:\/\/media\/[0-9a-f]{32}$/)
    expect(answer.peaks!.min).toHaveLength(400)
    expect(answer.peaks!.duration).toBeCloseTo(1.5, 6)
    expect(Math.max(...answer.peaks!.max)).toBeCloseTo(0.75, 3)
    expect(Math.min(...answer.peaks!.min)).toBeCloseTo(-0.75, 3)
    // Asking again gives the same URL: one token per recording.
    expect((await handlers.recordingAudio({ archiveId: 'a1', recordingId: 'r-stored', waitMs: 0 })).mediaUrl).toBe(answer.mediaUrl)
  })

  it('row waveforms come from peaks already made, and null for the rest, without queueing anything', async () => {
    const { handlers, lifecycle } = start()
    await lifecycle.opened('a1', { archive, reading: reading(recordings) })
    lifecycle.shown?.('a1')
    const before = await handlers.rowWaveforms({ archiveId: 'a1', recordingIds: ['r-stored', 'r-garbage'], buckets: 16 })
    expect(contract.rowWaveforms.response.parse(before)).toEqual(before)
    expect(before.waves[1]).toBeNull()
    await handlers.recordingAudio({ archiveId: 'a1', recordingId: 'r-stored', waitMs: 10_000 })
    const after = await handlers.rowWaveforms({ archiveId: 'a1', recordingIds: ['r-stored', 'r-garbage'], buckets: 16 })
    expect(after.waves[0]).toHaveLength(16)
    // The clip peaks at 0.75 of full scale: loud but not clipping.
    expect(Math.max(...after.waves[0]!)).toBe(Math.round(0.75 * 99))
    expect(after.waves[1]).toBeNull()
  })

  it('undecodable, cut, missing and silent recordings say so and give no media URL', async () => {
    const { handlers, lifecycle } = start()
    await lifecycle.opened('a1', { archive, reading: reading(recordings) })
    lifecycle.shown?.('a1')
    const ask = (recordingId: string) => handlers.recordingAudio({ archiveId: 'a1', recordingId, waitMs: 10_000 })
    expect(await ask('r-garbage')).toMatchObject({ status: 'error', error: 'audio could not be read: it is not a WAV, MP3, Ogg, FLAC or M4A file', mediaUrl: null, peaks: null })
    expect(await ask('r-cut')).toMatchObject({ status: 'error', error: expect.stringMatching(/^audio could not be read: /), mediaUrl: null })
    expect(await ask('r-silent')).toMatchObject({ status: 'none', mediaUrl: null })
    expect(await ask('r-missing')).toMatchObject({ status: 'none', mediaUrl: null })
    await expect(ask('no-such-recording')).rejects.toBeInstanceOf(CallError)
    await expect(handlers.recordingAudio({ archiveId: 'a-closed', recordingId: 'r-0', waitMs: 0 })).rejects.toMatchObject({ code: 'not-found' })
  })

  it('an MP3 is decoded in Node; an M4A is handed to the renderer and its peaks are taken back', async () => {
    const { handlers, lifecycle } = start()
    await lifecycle.opened('a1', { archive, reading: reading(recordings) })
    lifecycle.shown?.('a1')
    expect(await handlers.recordingAudio({ archiveId: 'a1', recordingId: 'r-mp3', waitMs: 10_000 })).toMatchObject({ status: 'ready', facts: { codec: 'mp3' } })
    const m4a = await handlers.recordingAudio({ archiveId: 'a1', recordingId: 'r-m4a', waitMs: 10_000 })
    expect(m4a).toMatchObject({ status: 'decode-here', facts: { codec: 'aac', needsRendererDecode: true }, peaks: null })
    expect(m4a.mediaUrl).not.toBeNull()
    const request = contract.storeRendererPeaks.request.parse({ archiveId: 'a1', recordingId: 'r-m4a', peaks: { duration: 1, sampleRate: 44100, channels: 1, min: [-0.5, -0.25], max: [0.5, 0.25] } })
    const stored = await handlers.storeRendererPeaks(request)
    expect(stored).toMatchObject({ status: 'ready', peaks: { duration: 1, min: [-0.5, -0.25], max: [0.5, 0.25] } })
    expect(await handlers.recordingAudio({ archiveId: 'a1', recordingId: 'r-m4a', waitMs: 0 })).toMatchObject({ status: 'ready' })
    // Peaks for a recording Node decodes itself are refused.
    expect(await handlers.storeRendererPeaks({ archiveId: 'a1', recordingId: 'r-0', peaks: { duration: 1, sampleRate: 8000, channels: 1, min: [0], max: [0] } })).toMatchObject({ status: 'error' })
    // The contract refuses malformed peaks before any handler runs.
    expect(contract.storeRendererPeaks.request.safeParse({ archiveId: 'a1', recordingId: 'r-m4a', peaks: { duration: 1, sampleRate: 44100, channels: 1, min: [2], max: [3] } }).success).toBe(false)
  })

  it('a pending answer returns at once and an audio.peaks event follows; progress reaches the total', async () => {
    // A home of its own: nothing cached yet.
    const fresh = await mkdtemp(join(tmpdir(), 'exportscope-home-'))
    cleanup.push(() => rm(fresh, { recursive: true, force: true }))
    const { handlers, lifecycle, emitted } = start({ background: false }, fresh)
    await lifecycle.opened('a1', { archive, reading: reading(recordings) })
    lifecycle.shown?.('a1')
    const started = Date.now()
    const first = await handlers.recordingAudio({ archiveId: 'a1', recordingId: 'r-7', waitMs: 0 })
    expect(Date.now() - started).toBeLessThan(2000)
    expect(first).toMatchObject({ status: 'pending', peaks: null })
    expect(first.mediaUrl).not.toBeNull()
    await until(() => emitted.some((e) => e.name === 'audio.peaks'))
    expect(emitted.find((e) => e.name === 'audio.peaks')!.payload).toEqual({ archiveId: 'a1', recordingId: 'r-7', status: 'ready' })
    expect(await handlers.recordingAudio({ archiveId: 'a1', recordingId: 'r-7', waitMs: 0 })).toMatchObject({ status: 'ready' })
    const progress = emitted.filter((e) => e.name === 'audio.progress').map((e) => e.payload as { done: number; total: number })
    expect(progress.at(-1)).toMatchObject({ done: 1, total: 1 })
  })

  it('lengths come from the headers as the export opens, with no decoding: every WAV, and small MP3 and M4A probed whole; cut or unreadable files wait', async () => {
    const { handlers, lifecycle, emitted } = start({ background: false })
    await lifecycle.opened('a1', { archive, reading: reading(recordings) })
    lifecycle.shown?.('a1')
    await until(() => emitted.some((e) => e.name === 'audio.durations'))
    const page = await handlers.audioDurations({ archiveId: 'a1', after: 0, limit: 1000 })
    const learnt = new Map(page.ids.map((id, i) => [id, page.ms[i]!]))
    // The stored WAV, the eight deflated ones, the MP3 and the M4A; not the garbage or the cut-off WAV.
    expect([...learnt.keys()].sort()).toEqual(['r-0', 'r-1', 'r-2', 'r-3', 'r-4', 'r-5', 'r-6', 'r-7', 'r-m4a', 'r-mp3', 'r-stored'])
    expect(learnt.get('r-stored')).toBe(1500)
    // One second of samples, plus the encoder's padding frames that a bare MP3 (no LAME tag) cannot say to trim.
    expect(learnt.get('r-mp3')).toBeGreaterThanOrEqual(1000)
    expect(learnt.get('r-mp3')).toBeLessThan(1150)
    expect(learnt.get('r-m4a')).toBe(1000)
    expect([0, 3, 7].map((i) => learnt.get(`r-${i}`))).toEqual([400, 700, 1100])
    expect(emitted.filter((e) => e.name === 'audio.durations').at(-1)!.payload).toEqual({ archiveId: 'a1', known: 11 })
    // Nothing was decoded for it.
    expect(emitted.some((e) => e.name === 'audio.progress' || e.name === 'audio.peaks')).toBe(false)
    // The decode, when it comes, does not list a length twice.
    await handlers.recordingAudio({ archiveId: 'a1', recordingId: 'r-3', waitMs: 10_000 })
    expect((await handlers.audioDurations({ archiveId: 'a1', after: 0, limit: 1000 })).ids.filter((id) => id === 'r-3')).toHaveLength(1)
  })

  it('a large reading is mapped over several turns of the event loop, and calls wait for its last recordings', async () => {
    // 5,000 recordings: past several slices of the mapping (see inSlices); a third each with audio, none, and audio the archive lacks.
    const many = Array.from({ length: 5000 }, (_, i) => recording(`big-${i}`, i % 3 === 0 ? 'audio/0.wav' : i % 3 === 1 ? null : 'audio/gone.wav'))
    const { platform } = host()
    const made = createAudioHandlers(platform, () => reading(many), { pool: { size: 1 }, buckets: 400, background: false })
    cleanup.push(made.dispose)
    await made.lifecycle.opened('a1', { archive, reading: reading(many) })
    const lengths = made.handlers.audioDurations({ archiveId: 'a1', after: 0, limit: 10 })
    const ask = (recordingId: string) => made.handlers.recordingAudio({ archiveId: 'a1', recordingId, waitMs: 10_000 })
    const [last, silent, lacking] = await Promise.all([ask('big-4998'), ask('big-4999'), ask('big-4997')])
    expect(last).toMatchObject({ status: 'ready', facts: { container: 'wav' } })
    expect(silent).toMatchObject({ status: 'none', mediaUrl: null })
    expect(lacking).toMatchObject({ status: 'none', mediaUrl: null })
    await expect(ask('big-5000')).rejects.toMatchObject({ code: 'not-found' })
    expect((await lengths).ids).toEqual([])
  })

  it('closing the export while its recordings are being mapped stops the mapping; a call that waited says the recording is gone', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => recording(`big-${i}`, 'audio/0.wav'))
    const same = reading(many)
    const { platform, emitted } = host()
    const made = createAudioHandlers(platform, () => same, { pool: { size: 1 }, buckets: 400 })
    cleanup.push(made.dispose)
    await made.lifecycle.opened('a1', { archive, reading: same })
    const waiting = made.handlers.recordingAudio({ archiveId: 'a1', recordingId: 'big-4999', waitMs: 0 })
    await made.lifecycle.closed('a1')
    await expect(waiting).rejects.toMatchObject({ code: 'not-found' })
    await new Promise((r) => setTimeout(r, 200))
    expect(emitted.filter((e) => e.name === 'audio.durations')).toEqual([])
  })

  it('background peaks cover every recording with audio, in the order asked, and stop on close', async () => {
    const { handlers, lifecycle, emitted } = start()
    await lifecycle.opened('a1', { archive, reading: reading(recordings) })
    lifecycle.shown?.('a1')
    await handlers.setAudioPriorities({ archiveId: 'a1', selectedId: 'r-5', visibleIds: ['r-6', 'r-7'] })
    const withAudio = recordings.filter((r) => r.audio && r.id !== 'r-missing').length
    await until(() => emitted.some((e) => e.name === 'audio.progress' && (e.payload as { done: number }).done === withAudio))
    const last = emitted.filter((e) => e.name === 'audio.progress').at(-1)!.payload
    expect(last).toMatchObject({ archiveId: 'a1', total: withAudio, done: withAudio, failed: 2 })

    // What the decoded audio said of each recording's length, handed out in pages of what is new.
    const page1 = await handlers.audioDurations({ archiveId: 'a1', after: 0, limit: 2 })
    expect(page1).toMatchObject({ next: 2, total: withAudio - 2 })
    const page2 = await handlers.audioDurations({ archiveId: 'a1', after: page1.next, limit: 1000 })
    expect(page2.next).toBe(withAudio - 2)
    const durations = new Map([...page1.ids, ...page2.ids].map((id, i) => [id, [...page1.ms, ...page2.ms][i]!]))
    expect(durations.size).toBe(withAudio - 2)
    expect([0, 3, 7].map((i) => durations.get(`r-${i}`))).toEqual([400, 700, 1100])
    expect(durations.get('r-stored')).toBe(1500)
    expect(await handlers.audioDurations({ archiveId: 'a1', after: page2.next, limit: 10 })).toEqual({ ids: [], ms: [], next: page2.next, total: withAudio - 2 })

    // A second export, closed while its background work runs: nothing more is reported for it.
    const second = createAudioHandlers(host().platform, () => reading(recordings), { pool: { size: 1 }, buckets: 400 })
    cleanup.push(second.dispose)
    await rm(join(home, 'peaks'), { recursive: true, force: true })
    await second.lifecycle.opened('a2', { archive, reading: reading(recordings) })
    second.lifecycle.shown?.('a2')
    await second.lifecycle.closed('a2')
    await expect(second.handlers.recordingAudio({ archiveId: 'a2', recordingId: 'r-0', waitMs: 0 })).rejects.toMatchObject({ code: 'not-found' })
  })

  it('serves byte ranges of the recording only for tokens it issued, and forgets them on close', async () => {
    const { handlers, lifecycle, media } = start({ background: false })
    await lifecycle.opened('a1', { archive, reading: reading(recordings) })
    lifecycle.shown?.('a1')
    const { mediaUrl } = await handlers.recordingAudio({ archiveId: 'a1', recordingId: 'r-stored', waitMs: 0 })
    const token = mediaUrl!.split('/').pop()!
    const partial = await media(token, 'bytes=100-1099')
    expect(partial).toMatchObject({ status: 206, headers: { 'Content-Type': 'audio/wav', 'Content-Range': `bytes 100-1099/${original.length}` } })
    expect((await collect(partial!.body)).equals(original.subarray(100, 1100))).toBe(true)
    const full = await media(token, null)
    expect(full!.status).toBe(200)
    expect((await collect(full!.body)).equals(original)).toBe(true)
    expect(await media('0'.repeat(32), null)).toBeNull()
    await lifecycle.closed('a1')
    expect(await media(token, null)).toBeNull()
  })

  it('a cached export answers from disk: reopened, every waveform is ready without waiting', async () => {
    const first = start()
    await first.lifecycle.opened('a1', { archive, reading: reading(recordings) })
    first.lifecycle.shown?.('a1')
    await first.handlers.recordingAudio({ archiveId: 'a1', recordingId: 'r-3', waitMs: 10_000 })
    await first.lifecycle.closed('a1')
    const again = start({ background: false })
    await again.lifecycle.opened('a9', { archive, reading: reading(recordings) })
    again.lifecycle.shown?.('a9')
    const t0 = performance.now()
    const answer = await again.handlers.recordingAudio({ archiveId: 'a9', recordingId: 'r-3', waitMs: 1000 })
    expect(answer.status).toBe('ready')
    expect(performance.now() - t0).toBeLessThan(500)
  })
})
