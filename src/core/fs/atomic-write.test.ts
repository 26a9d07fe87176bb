import { mkdtemp, open, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
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
  it('fsyncs the file and its folder by default, and neither with { durable: false }, writing the same bytes', async () => {
    // FileHandle is not exported: its prototype is reached through a handle.
    const probe = await open(join(dir, 'probe'), 'w')
    const proto = Object.getPrototypeOf(probe) as { sync: () => Promise<void> }
    await probe.close()
    const sync = vi.spyOn(proto, 'sync')
    try {
      await writeFileAtomic(join(dir, 'durable.bin'), 'same')
      expect(sync).toHaveBeenCalledTimes(2)
      sync.mockClear()
      await writeFileAtomic(join(dir, 'cache.bin'), 'same', { durable: false })
      expect(sync).not.toHaveBeenCalled()
    } finally {
      sync.mockRestore()
    }
    expect(await readFile(join(dir, 'cache.bin'), 'utf8')).toBe('same')
    expect((await stat(join(dir, 'cache.bin'))).mode & 0o777).toBe(0o600)
    expect((await readdir(dir)).sort()).toEqual(['cache.bin', 'durable.bin', 'probe'])
  })
})
