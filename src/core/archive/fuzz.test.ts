import { writeFile } from 'node:fs/promises'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tarGzBuffer, workDir, zipBuffer } from '../../../test/fixtures/archives'
import { ArchiveOpenError, EntryReadError, openArchive } from './index'

let work: Awaited<ReturnType<typeof workDir>>
let zip: Buffer
let tgz: Buffer
beforeAll(async () => {
  work = await workDir()
  const inner = await zipBuffer([{ name: 'in.wav', data: 'inner audio'.repeat(50) }])
  zip = await zipBuffer([
    { name: 'a.wav', data: Buffer.alloc(3000, 7), compress: false },
    { name: 'b.json', data: '{"x":1}'.repeat(300) },
    { name: 'nested.zip', data: inner, compress: false },
    { name: 'deflated.zip', data: inner },
    { name: 'c.txt', data: 'c', stream: true }
  ])
  tgz = await tarGzBuffer([{ name: 'a.wav', data: 'a'.repeat(2000) }, { name: 'b.txt', data: 'b' }])
})
afterAll(() => work.done())

/** Opening and reading every entry may fail only in the two documented ways, and must finish. */
async function survives(bytes: Buffer, n: number): Promise<void> {
  const path = work.path(`fuzz-${n}.bin`)
  await writeFile(path, bytes)
  let archive
  try {
    archive = await openArchive(path, { limits: { maxRatio: 50 } })
  } catch (err) {
    expect(err).toBeInstanceOf(ArchiveOpenError)
    return
  }
  try {
    for (const entry of archive.entries) {
      try {
        for await (const _ of await archive.openEntry(entry)) void _
      } catch (err) {
        expect(err, String(err)).toBeInstanceOf(EntryReadError)
      }
    }
  } finally {
    await archive.close()
  }
}

const mutations = (size: number) =>
  fc.array(fc.record({ at: fc.nat({ max: size - 1 }), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 12 })

describe('damaged archives of every shape', () => {
  let n = 0
  it('a ZIP with random bytes overwritten, or cut anywhere, opens with problems or fails cleanly', async () => {
    await fc.assert(
      fc.asyncProperty(mutations(zip.length), fc.option(fc.nat({ max: zip.length }), { nil: undefined }), async (changes, cut) => {
        const bytes = Buffer.from(zip)
        for (const { at, value } of changes) bytes[at] = value
        await survives(cut === undefined ? bytes : bytes.subarray(0, Math.max(1, cut)), ++n)
      }),
      { numRuns: 150, seed: 4 }
    )
  })

  it('a tar.gz with random bytes overwritten opens with problems or fails cleanly', async () => {
    await fc.assert(
      fc.asyncProperty(mutations(tgz.length), async (changes) => {
        const bytes = Buffer.from(tgz)
        for (const { at, value } of changes) bytes[at] = value
        await survives(bytes, ++n)
      }),
      { numRuns: 60, seed: 4 }
    )
  })
})
