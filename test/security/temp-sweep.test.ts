import { spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sweepStaleTemp } from '../../src/core/archive/temp'

/** A run that crashed with a nested archive inflated leaves its temp folder; the next run removes it. */
let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'es-sweep-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('crash recovery of temp files', () => {
  it("removes a dead run's folder, keeps a live run's and anything not ours", async () => {
    // A pid that surely is dead: a child that has exited.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout.trim()
    await mkdir(join(dir, `exportscope-${dead}-abc123`))
    await writeFile(join(dir, `exportscope-${dead}-abc123`, '1-Alexa.zip'), 'inflated stranger audio')
    await mkdir(join(dir, `exportscope-${process.pid}-live01`))
    await mkdir(join(dir, 'exportscope-home-xyz'))
    await mkdir(join(dir, 'other-tool-1'))
    expect(await sweepStaleTemp(dir)).toBe(1)
    expect((await readdir(dir)).sort()).toEqual(['exportscope-home-xyz', `exportscope-${process.pid}-live01`, 'other-tool-1'].sort())
  })
})

describe('temp space for nested archives', () => {
  it('is bounded by the export size, not only by maxTotalBytes', async () => {
    const { tempBudget } = await import('../../src/core/archive/temp-budget')
    const GiB = 1024 ** 3
    // A 100 MB export may inflate 2.6 GB of nested archives at most, not the 1 TiB default.
    expect(tempBudget({ maxTotalBytes: 1024 * GiB }, 100 * 1024 ** 2)).toBe(GiB + 1600 * 1024 ** 2)
    expect(tempBudget({ maxTotalBytes: 2 * GiB }, 100 * 1024 ** 2)).toBe(2 * GiB)
    // A folder's size is not known in advance: then the configured limit stands.
    expect(tempBudget({ maxTotalBytes: 5 * GiB }, 0)).toBe(5 * GiB)
  })
})
