import { Readable } from 'node:stream'
import { deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { EntryReadError } from './errors'
import { defaultLimits, resolveLimits } from './limits'
import { checkRange, guardedRead } from './read'

const collect = async (stream: Readable) => {
  const chunks: Buffer[] = []
  for await (const c of stream) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}
const failure = async (stream: Readable) => {
  let bytes = 0
  try {
    for await (const c of stream) bytes += (c as Buffer).length
  } catch (error) {
    return { error: error as EntryReadError, bytes }
  }
  throw new Error('expected the read to fail')
}
// Deflated zeros, fed in small chunks as a file read would be.
const zeros = (n: number) => {
  const deflated = deflateRawSync(Buffer.alloc(n))
  return Readable.from(Array.from({ length: Math.ceil(deflated.length / 1024) }, (_, i) => deflated.subarray(i * 1024, (i + 1) * 1024)), { objectMode: false })
}

describe('guardedRead', () => {
  it('stops inflating as soon as the ratio limit is passed, even when the size is unknown', async () => {
    const limits = resolveLimits({ maxRatio: 100 })
    const { error, bytes } = await failure(guardedRead({ path: 'bomb.wav', raw: zeros(64 * 1024 * 1024), deflated: true, declaredSize: null, crc32: null, range: undefined, limits }))
    expect(error.reason).toBe('limit')
    expect(error.message).toMatch(/bomb\.wav inflates more than 100:1 \(a zip bomb\); reading stopped after \d+ bytes\./)
    expect(bytes).toBeLessThan(16 * 1024 * 1024)
  })

  it('stops at the entry size limit', async () => {
    const limits = resolveLimits({ maxEntryBytes: 1_000_000, maxRatio: 10_000 })
    const { error, bytes } = await failure(guardedRead({ path: 'big.bin', raw: zeros(5_000_000), deflated: true, declaredSize: null, crc32: null, range: undefined, limits }))
    expect(error.reason).toBe('limit')
    expect(bytes).toBeLessThanOrEqual(1_000_000)
  })

  it('fails when the data is shorter than declared, and when it is not deflate at all', async () => {
    const short = await failure(guardedRead({ path: 's', raw: Readable.from([Buffer.from('abc')]), deflated: false, declaredSize: 10, crc32: null, range: undefined, limits: defaultLimits }))
    expect(short.error.message).toBe('s ends after 3 bytes, but its header declares 10.')
    const garbage = await failure(guardedRead({ path: 'g', raw: Readable.from([Buffer.from([0xff, 0xff, 0xff, 0xff])]), deflated: true, declaredSize: 10, crc32: null, range: undefined, limits: defaultLimits }))
    expect(garbage.error.reason).toBe('damaged')
    expect(garbage.error.message).toMatch(/^g could not be read: /)
  })

  it('cuts a range out of the inflated bytes', async () => {
    const text = Buffer.from('0123456789'.repeat(10_000))
    const raw = Readable.from([deflateRawSync(text)], { objectMode: false })
    const out = await collect(guardedRead({ path: 't', raw, deflated: true, declaredSize: text.length, crc32: null, range: { start: 50_005, end: 50_014 }, limits: defaultLimits }))
    expect(out.toString()).toBe('5678901234')
  })

  it('lets go of the raw stream when the read is dropped before its first byte', async () => {
    // A folder entry's raw stream holds a file handle: one never destroyed is closed by the GC (DEP0137).
    const raw = zeros(1024)
    const read = guardedRead({ path: 'dropped.wav', raw, deflated: true, declaredSize: null, crc32: null, range: undefined, limits: defaultLimits })
    read.destroy()
    await new Promise((r) => read.once('close', r))
    expect(raw.destroyed).toBe(true)
  })
})

describe('checkRange', () => {
  it('clamps the end like an HTTP server and rejects ranges that make no sense', () => {
    expect(checkRange('x', 100, { start: 90, end: 500 })).toEqual({ start: 90, end: 99 })
    expect(checkRange('x', 100, undefined)).toBeUndefined()
    expect(() => checkRange('x', 100, { start: 100, end: 120 })).toThrow(/starts past its end \(100 bytes\)/)
    expect(() => checkRange('x', 100, { start: -1, end: 3 })).toThrow(/not a valid range/)
    expect(() => checkRange('x', 100, { start: 1.5, end: 3 })).toThrow(/not a valid range/)
  })
})

describe('resolveLimits', () => {
  it('takes valid numbers and ignores the rest', () => {
    expect(resolveLimits({ maxRatio: 5, maxDepth: -1, maxEntries: Number.NaN })).toEqual({ ...defaultLimits, maxRatio: 5 })
  })
})
