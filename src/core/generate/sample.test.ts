import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openArchive } from '../archive'
import { readExport } from '../providers'
import { createSampleExport } from '.'
import { bundledSamplePath, SAMPLE_FILE, samplePath } from './sample'

const committed = resolve(__dirname, '../../../resources', SAMPLE_FILE)
const sha256 = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex')

let dir = ''
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'exportscope-sample-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('the committed sample export (resources/sample-export.zip)', () => {
  it('is byte for byte what `npm run make-sample` makes, truth file included, and at most 3 MB', async () => {
    const made = await createSampleExport(join(dir, SAMPLE_FILE))
    expect(await sha256(committed)).toBe(await sha256(made.paths[0]!))
    expect(await readFile(`${committed}.truth.json`, 'utf8')).toBe(await readFile(made.truthPath, 'utf8'))
    expect((await stat(committed)).size).toBeLessThanOrEqual(3 * 1024 * 1024)
  })

  it('says inside that it is synthetic, and holds own and foreign recordings', async () => {
    const archive = await openArchive(committed, {})
    try {
      const readme = archive.entries.find((e) => e.info.path === 'README.txt')!
      const chunks: Buffer[] = []
      for await (const c of await archive.openEntry(readme)) chunks.push(c as Buffer)
      expect(Buffer.concat(chunks).toString('utf8')).toMatch(/SYNTHETIC/)
      const reading = await readExport(archive)
      expect(reading.recordings).toHaveLength(13)
      expect(reading.devices.filter((d) => !d.registered).map((d) => d.recordings)).toEqual([5])
    } finally {
      await archive.close()
    }
  })

  it('is what the app and the CLI open: found from the sources and from a built bundle beside resources/', async () => {
    expect(bundledSamplePath()).toBe(committed)
    expect(bundledSamplePath(resolve(__dirname, '../../../out/main/chunks'))).toBe(committed)
    expect(await samplePath(join(dir, 'unused'))).toBe(committed)
  })

  it('is made by the generator on first use where no copy ships, once', async () => {
    const fallback = join(dir, 'home-sample')
    const first = await samplePath(fallback, null)
    expect(first).toBe(join(fallback, SAMPLE_FILE))
    expect(await sha256(first)).toBe(await sha256(committed))
    const again = await samplePath(fallback, null)
    expect(again).toBe(first)
  })
})
