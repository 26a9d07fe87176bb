import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { writeZip } from '../../../test/helpers/write-zip'
import { openArchive } from '../archive'
import { readExport } from '../providers'
import { buildScanReport } from './scan-report'

const dir = mkdtempSync(join(tmpdir(), 'exportscope-ids-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('recording ids in the scan report', () => {
  it('are the ids the app’s generic-audio provider gives the same files', async () => {
    const file = join(dir, 'voice.zip')
    await writeZip(file, { 'Sonstiges/Anrufbeantworter.mp3': Buffer.alloc(300, 1), 'notes/memo.wav': Buffer.alloc(200, 2), 'README.txt': 'x' })
    const archive = await openArchive(file)
    try {
      const app = (await readExport(archive)).recordings.filter((r) => r.provider === 'generic-audio')
      const cli = buildScanReport({ archive, hashes: null }).recordings
      expect(cli.map((r) => [r.audioPath, r.id]).sort()).toEqual(app.map((r) => [r.audio?.path, r.id]).sort())
      expect(cli).toHaveLength(2)
    } finally {
      await archive.close()
    }
  })
})
