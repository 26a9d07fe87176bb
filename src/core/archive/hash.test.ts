import { createHash, randomBytes } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { workDir } from '../../../test/fixtures/archives'
import { combinedSha256, exportSha256, hashArchive, type HashProgress } from './index'

let work: Awaited<ReturnType<typeof workDir>>
const data = [randomBytes(3 * 1024 * 1024), randomBytes(1000)]
beforeAll(async () => {
  work = await workDir()
  await writeFile(work.path('p1.zip'), data[0]!)
  await writeFile(work.path('p2.zip'), data[1]!)
})
afterAll(() => work.done())

const sha = (buf: Buffer) => createHash('sha256').update(buf).digest('hex')

describe('hashArchive', () => {
  it('gives the SHA-256 of every part, in order, computed in a worker thread', async () => {
    const progress: HashProgress[] = []
    const paths = [work.path('p1.zip'), work.path('p2.zip')]
    const result = await hashArchive(paths, { onProgress: (p) => progress.push(p) })
    expect(result).toEqual([
      { path: paths[0], sha256: sha(data[0]!) },
      { path: paths[1], sha256: sha(data[1]!) }
    ])
    expect(progress.at(-1)).toMatchObject({ bytes: data[0]!.length + data[1]!.length, totalBytes: data[0]!.length + data[1]!.length })
  })

  it('rejects with an AbortError when cancelled', async () => {
    const controller = new AbortController()
    const pending = hashArchive([work.path('p1.zip')], { signal: controller.signal })
    controller.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('rejects with the reason when a part cannot be read', async () => {
    await expect(hashArchive([work.path('missing.zip')])).rejects.toThrow(/could not be hashed: ENOENT/)
  })
})

describe('combinedSha256', () => {
  it('is the SHA-256 of the parts’ lower-case hex digests, one per line, so sha256sum can check it', () => {
    expect(combinedSha256(['AB', 'cd'])).toBe(sha(Buffer.from('ab\ncd\n')))
    expect(combinedSha256(['ab', 'cd'])).not.toBe(combinedSha256(['cd', 'ab']))
  })
  it('is not used for a single file, whose own SHA-256 is the export’s', () => {
    expect(exportSha256([sha(data[1]!)])).toBe(sha(data[1]!))
    expect(exportSha256(['ab', 'cd'])).toBe(combinedSha256(['ab', 'cd']))
  })
})
