import { randomBytes } from 'node:crypto'
import { readdir, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tarGzBuffer, workDir, zipBuffer, type TarSpec } from '../../../test/fixtures/archives'
import { byPath, readAll } from '../../../test/fixtures/read'
import { gunzipWork } from './gunzip-cursor'
import { openArchive } from './index'

let work: Awaited<ReturnType<typeof workDir>>
beforeAll(async () => (work = await workDir()))
afterAll(() => work.done())

// Ten clips of 100 kB (random, so gzip cannot shrink them) behind a metadata file: a voice export's shape.
const clips = Array.from({ length: 10 }, (_, i) => ({ name: `Audio/clip-${i}.wav`, data: randomBytes(100_000) }))
const files: TarSpec[] = [{ name: 'Alexa/Alexa.VoiceHistory.csv', data: 'time,device\n'.repeat(50) }, ...clips]

/** This process's temp folders that hold a copy of an inflated tar. */
async function spillFiles(): Promise<string[]> {
  const out: string[] = []
  for (const dir of (await readdir(tmpdir())).filter((d) => d.startsWith(`exportscope-${process.pid}-`))) {
    for (const f of await readdir(join(tmpdir(), dir)).catch(() => [] as string[])) if (f.endsWith('inflated.tar')) out.push(join(tmpdir(), dir, f))
  }
  return out
}

describe('tar.gz read in one pass', () => {
  beforeAll(async () => {
    await writeFile(work.path('voice.tgz'), await tarGzBuffer(files))
  })

  it('keeps the inflated stream in an owner-only temp file, so entry reads inflate nothing more; the file goes at close', async () => {
    const a = await openArchive(work.path('voice.tgz'))
    try {
      expect(a.problems).toEqual([])
      const [copy] = await spillFiles()
      expect(copy).toBeDefined()
      expect((await stat(copy!)).mode & 0o777).toBe(0o600)
      expect((await stat(join(copy!, '..'))).mode & 0o777).toBe(0o700)
      const before = gunzipWork.inflated
      for (const c of [...clips].reverse()) expect((await readAll(a, byPath(a, c.name))).equals(c.data)).toBe(true)
      const range = await readAll(a, byPath(a, clips[7]!.name), { start: 12_345, end: 70_000 })
      expect(range.equals(clips[7]!.data.subarray(12_345, 70_001))).toBe(true)
      // Served from the copy: not one byte inflated again.
      expect(gunzipWork.inflated).toBe(before)
    } finally {
      await a.close()
    }
    expect(await spillFiles()).toEqual([])
  })

  it('past the copy bound: says so, and entries read in archive order inflate the stream once in all', async () => {
    const bound = 350_000
    const a = await openArchive(work.path('voice.tgz'), { limits: { maxSpillBytes: bound } })
    try {
      const note = a.problems.find((p) => p.kind === 'limit')
      expect(note?.message).toMatch(/only the first 350000 are kept in a temporary copy .*the limit of 350000 bytes.*Entries past that point are read by inflating the archive again/)
      const streamBytes = 512 * (3 + 2 * clips.length) + clips.length * 100_000
      const before = gunzipWork.inflated
      for (const c of clips) expect((await readAll(a, byPath(a, c.name))).equals(c.data)).toBe(true)
      // Once over the stream (the first clips come from the copy), never once per entry.
      const inOrder = gunzipWork.inflated - before
      expect(inOrder).toBeLessThanOrEqual(streamBytes + 64 * 1024)
      expect(inOrder).toBeGreaterThan(bound)
      // A read behind the cursor starts a new inflate from byte 0, up to that entry only.
      const again = gunzipWork.inflated
      expect((await readAll(a, byPath(a, clips[5]!.name))).equals(clips[5]!.data)).toBe(true)
      expect(gunzipWork.inflated - again).toBeLessThanOrEqual(7 * 100_000 + 64 * 1024)
      // Ranges past the bound, forwards from there.
      expect((await readAll(a, byPath(a, clips[8]!.name), { start: 99_000, end: 99_999 })).equals(clips[8]!.data.subarray(99_000))).toBe(true)
      expect((await readAll(a, byPath(a, clips[9]!.name), { start: 1, end: 2 })).equals(clips[9]!.data.subarray(1, 3))).toBe(true)
    } finally {
      await a.close()
    }
  })

  it('a ZIP inside the copied part is opened in place in the copy, its entries read back exactly', async () => {
    const inner = await zipBuffer([{ name: 'Alexa/Alexa.VoiceHistory.csv', data: 'a,b\n1,2\n' }, { name: 'Audio/x.wav', data: clips[0]!.data }])
    await writeFile(work.path('nested.tgz'), await tarGzBuffer([{ name: 'Takeout/inner.zip', data: inner }, clips[1]!]))
    const a = await openArchive(work.path('nested.tgz'))
    try {
      expect(a.entries.map((e) => e.info.path)).toEqual(['Takeout/inner.zip', 'Takeout/inner.zip!/Alexa/Alexa.VoiceHistory.csv', 'Takeout/inner.zip!/Audio/x.wav', clips[1]!.name])
      expect((await readAll(a, byPath(a, 'Takeout/inner.zip!/Audio/x.wav'))).equals(clips[0]!.data)).toBe(true)
      // No second temp copy of the inner ZIP: it is read where it lies in the copy.
      const dir = join((await spillFiles())[0]!, '..')
      expect((await readdir(dir)).filter((f) => f.endsWith('nested.zip'))).toEqual([])
    } finally {
      await a.close()
    }
  })
})

describe('what reads entries through the archive gains from the copy', () => {
  it('the evidence bundle of a tar.gz export, sealed originals and all, inflates the archive only while it is opened', async () => {
    const { generateExport } = await import('../generate')
    const { loadEvidence } = await import('../complaint/bundle/load')
    const { buildManifest, writeBundle } = await import('../complaint/bundle')
    const { tarGzOf } = await import('../../../test/fixtures/tar-gz-of')
    const made = await generateExport({ provider: 'amazon', own: 1, foreign: 6, kind: 'seed', seed: 'tar-spill', clips: { sampleRate: 8000, maxSeconds: 0.5 } }, work.path('seed.zip'))
    const tgz = work.path('seed.tar.gz')
    await tarGzOf(made.paths[0]!, tgz)
    const before = gunzipWork.inflated
    const { archive, reading, analysis } = await loadEvidence(tgz)
    try {
      expect(archive.format).toBe('tar.gz')
      const built = await buildManifest({ archive, reading, verdicts: analysis.recordingVerdicts, findings: analysis.findings })
      expect(built.manifest.entries.length).toBeGreaterThanOrEqual(6)
      const sealed = await writeBundle({ manifest: built, custodyLog: [], sealedOriginals: true, out: work.path('bundle.zip') })
      expect(sealed.bytes).toBeGreaterThan(built.manifest.summary.audioBytes)
      // Every flagged original was hashed and sealed from the temp copy: no second inflate.
      expect(gunzipWork.inflated).toBe(before)
    } finally {
      await archive.close()
    }
  })
})
