import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { workDir } from '../../../test/fixtures/archives'
import { writeZip } from '../../../test/helpers/write-zip'
import type { EventName } from '../../shared/ipc/events'
import { combinedSha256 } from '../archive/combined-sha256'
import { createArchiveHandlers } from './handlers'

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
    const { openAndRead, dispose } = createArchiveHandlers(platform)
    try {
      const summary = await openAndRead(parts[1]!, 'job-1')
      expect(summary.format).toBe('multipart-zip')
      const expected = combinedSha256(parts.map(sha))
      expect(await hashed).toEqual({ archiveId: summary.archiveId, sha256: expected, error: null })
      expect(expected).toMatch(/^[0-9a-f]{64}$/)
    } finally {
      await dispose()
    }
  })

  it('hash a single ZIP as its own SHA-256, what sha256sum prints', async () => {
    const zip = work.path('export.zip')
    await writeZip(zip, { 'Alexa/Audio/a.wav': Buffer.alloc(300, 1) })
    const { platform, hashed } = hostThatWaitsForTheHash()
    const { openAndRead, dispose } = createArchiveHandlers(platform)
    try {
      const summary = await openAndRead(zip, 'job-2')
      expect(await hashed).toEqual({ archiveId: summary.archiveId, sha256: sha(zip), error: null })
    } finally {
      await dispose()
    }
  })
})
