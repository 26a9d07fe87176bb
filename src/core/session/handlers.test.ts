import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { workDir } from '../../../test/fixtures/archives'
import { writeZip } from '../../../test/helpers/write-zip'
import type { EventName } from '../../shared/ipc/events'
import { combinedSha256 } from '../archive/combined-sha256'
import { BACKGROUND_AFTER_MS, createArchiveHandlers } from './handlers'
import { NO_LIFECYCLE, type OpenedExport } from './lifecycle'
import type { CallError } from '../../shared/ipc/result'
import type { Problem } from '../../shared/model/problem'

let work: Awaited<ReturnType<typeof workDir>>
beforeAll(async () => {
  work = await workDir()
})
afterAll(() => work.done())

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

function hostThatWaitsForTheHash() {
  let resolve: (payload: unknown) => void = () => undefined
  const hashed = new Promise<unknown>((r) => (resolve = r))
  const platform = {
    shell: 'cli' as const,
    home: work.path('home'),
    emit: (name: EventName, payload: unknown) => {
      if (name === 'archive.hashed') resolve(payload)
    },
    chooseArchive: async () => null
  }
  return { platform, hashed }
}

describe('the app’s archive handlers', () => {
  it('hash a multipart export the way `exportscope scan` does: one SHA-256 over the parts’ SHA-256s', async () => {
    const parts = [work.path('takeout-20240102T030405Z-001.zip'), work.path('takeout-20240102T030405Z-002.zip')]
    await writeZip(parts[0]!, { 'Takeout/My Activity/Assistant/2024-01-02_03_04_05_000_UTC.mp3': Buffer.alloc(500, 3) })
    await writeZip(parts[1]!, { 'Takeout/My Activity/Assistant/MyActivity.json': '[]' })
    const { platform, hashed } = hostThatWaitsForTheHash()
    const { openAndRead, handlers, dispose } = createArchiveHandlers(platform)
    try {
      const summary = await openAndRead(parts[1]!, 'job-1')
      expect(summary.format).toBe('multipart-zip')
      // The first page of the list starts the hash, as in the app (else it waits BACKGROUND_AFTER_MS).
      await handlers.listRecordings({ archiveId: summary.archiveId, offset: 0, limit: 50 })
      const expected = combinedSha256(parts.map(sha))
      expect(await hashed).toEqual({ archiveId: summary.archiveId, sha256: expected, error: null })
      expect(expected).toMatch(/^[0-9a-f]{64}$/)
    } finally {
      await dispose()
    }
  })

  it('start the hash once the first page of the list is answered, not before, and audio’s background work a while after the answer when no call started it', async () => {
    const zip = work.path('background.zip')
    await writeZip(zip, { 'Alexa/Audio/a.wav': Buffer.alloc(300, 1) })
    const shown: string[] = []
    const hashes: unknown[] = []
    const platform = { ...hostThatWaitsForTheHash().platform, emit: (name: EventName, payload: unknown) => void (name === 'archive.hashed' && hashes.push(payload)) }
    const { openAndRead, handlers, dispose } = createArchiveHandlers(platform, { ...NO_LIFECYCLE, shown: (id) => void shown.push(id) })
    const settle = () => new Promise((r) => setTimeout(r, 50))
    const until = async (done: () => boolean) => {
      for (let i = 0; i < 200 && !done(); i++) await settle()
    }
    try {
      const first = await openAndRead(zip, 'job-b1')
      await settle()
      expect(shown).toEqual([])
      expect(hashes).toEqual([])
      // The first page answered: the hash starts; audio waits for its own first call or the timer.
      await handlers.listRecordings({ archiveId: first.archiveId, offset: 0, limit: 10 })
      await until(() => hashes.length === 1)
      expect(shown).toEqual([])
      // An export whose list nobody asks for still gets its background work, a while after it opened.
      const second = await openAndRead(zip, 'job-b2')
      const opened = Date.now()
      // Polled, not a fixed wait past the timer: on a loaded machine the second hash took longer than one.
      await until(() => shown.length === 2 && hashes.length === 2)
      expect(Date.now() - opened).toBeGreaterThan(BACKGROUND_AFTER_MS - 100)
      expect(shown).toEqual([first.archiveId, second.archiveId])
      expect(hashes).toHaveLength(2)
    } finally {
      await dispose()
    }
  })

  it('hash a single ZIP as its own SHA-256, what sha256sum prints', async () => {
    const zip = work.path('export.zip')
    await writeZip(zip, { 'Alexa/Audio/a.wav': Buffer.alloc(300, 1) })
    const { platform, hashed } = hostThatWaitsForTheHash()
    const { openAndRead, handlers, dispose } = createArchiveHandlers(platform)
    try {
      const summary = await openAndRead(zip, 'job-2')
      await handlers.listRecordings({ archiveId: summary.archiveId, offset: 0, limit: 50 })
      expect(await hashed).toEqual({ archiveId: summary.archiveId, sha256: sha(zip), error: null })
    } finally {
      await dispose()
    }
  })
})

describe('an export still being opened when the handlers are disposed', () => {
  it('is closed, not left open with its file: the open answers "cancelled" and the lifecycle hears the close', async () => {
    const zip = work.path('disposed.zip')
    await writeZip(zip, { 'Alexa/Audio/a.wav': Buffer.alloc(300, 1) })
    const opened: string[] = []
    const closed: string[] = []
    let release: () => void = () => undefined
    // Work the review hands the session while it is analysed (as it restores a case): the open waits for it.
    const held = new Promise<Problem[]>((r) => (release = () => r([])))
    const lifecycle = {
      ...NO_LIFECYCLE,
      opened: async (id: string, s: OpenedExport) => {
        opened.push(id)
        s.alongside?.(held)
        return []
      },
      closed: async (id: string) => void closed.push(id)
    }
    const { openAndRead, dispose } = createArchiveHandlers(hostThatWaitsForTheHash().platform, lifecycle)
    const answer = openAndRead(zip, 'job-d').then(
      () => 'opened',
      (err: unknown) => (err as CallError).code
    )
    for (let i = 0; i < 200 && opened.length === 0; i++) await new Promise((r) => setTimeout(r, 10))
    expect(opened).toHaveLength(1)
    // Disposed past the last check before the analysis; the held work ends after that.
    const disposing = dispose()
    release()
    await disposing
    expect(await answer).toBe('cancelled')
    expect(closed).toEqual(opened)
  })
})
