import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeFileAtomic } from './atomic-write'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'es-atomic-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('writeFileAtomic', () => {
  it('writes the content owner-only and leaves no temp file', async () => {
    const path = join(dir, 'case.json')
    await writeFileAtomic(path, '{"a":1}')
    expect(await readFile(path, 'utf8')).toBe('{"a":1}')
    expect((await stat(path)).mode & 0o777).toBe(0o600)
    expect(await readdir(dir)).toEqual(['case.json'])
  })
  it('replaces an existing file whole', async () => {
    const path = join(dir, 'case.json')
    await writeFileAtomic(path, 'old content that is longer')
    await writeFileAtomic(path, 'new')
    expect(await readFile(path, 'utf8')).toBe('new')
  })
  it('creates missing folders', async () => {
    const path = join(dir, 'a', 'b', 'c.json')
    await writeFileAtomic(path, 'x')
    expect(await readFile(path, 'utf8')).toBe('x')
  })
  it('keeps the last good file when the new content cannot be written', async () => {
    const path = join(dir, 'case.json')
    await writeFileAtomic(path, 'good')
    const bad = { [Symbol.iterator]: () => { throw new Error('boom') } } as unknown as Uint8Array
    await expect(writeFileAtomic(path, bad)).rejects.toThrow()
    expect(await readFile(path, 'utf8')).toBe('good')
    expect(await readdir(dir)).toEqual(['case.json'])
  })
})
