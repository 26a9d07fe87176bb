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

async function scanOnce(file: string) {
  const archive = await openArchive(file)
  try {
    const reading = await readExport(archive)
    return { reading, report: buildScanReport({ archive, reading, hashes: null }) }
  } finally {
    await archive.close()
  }
}

describe('recording ids in the scan report', () => {
  it('are the app’s ids, the same in every scan and unique within one, so marks made in the app match the report', async () => {
    const file = join(dir, 'voice.zip')
    await writeZip(file, {
      'Sonstiges/Anrufbeantworter.mp3': Buffer.alloc(300, 1),
      'notes/memo.wav': Buffer.alloc(200, 2),
      '__MACOSX/notes/._memo.wav': Buffer.alloc(82, 3),
      'README.txt': 'x'
    })
    const first = await scanOnce(file)
    const again = await scanOnce(file)
    expect(first.report.recordings.map((r) => [r.audioPath, r.id])).toEqual(first.reading.recordings.map((r) => [r.audio?.path, r.id]))
    expect(first.report.recordings.map((r) => r.audioPath).sort()).toEqual(['Sonstiges/Anrufbeantworter.mp3', 'notes/memo.wav'])
    expect(again.report.recordings.map((r) => r.id)).toEqual(first.report.recordings.map((r) => r.id))
    expect(new Set(first.report.recordings.map((r) => r.id)).size).toBe(2)
  })
})
