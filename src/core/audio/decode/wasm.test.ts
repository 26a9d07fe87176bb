import { describe, expect, it } from 'vitest'
import { sine, toInt16 } from '../testing/signals'
import { writeMp3 } from '../testing/mp3-writer'
import { spareMpegDecoders, WasmStreamDecoder } from './wasm'

const RATE = 16_000

async function decodeAll(d: WasmStreamDecoder, bytes: Uint8Array, chunk = 4096): Promise<Float32Array> {
  const parts: Float32Array[] = []
  for (let at = 0; at < bytes.length; at += chunk) {
    const out = await d.push(bytes.subarray(at, at + chunk))
    if (out.samples) parts.push(out.channelData[0]!.slice(0, out.samples))
  }
  const end = await d.flush()
  if (end.samples) parts.push(end.channelData[0]!.slice(0, end.samples))
  const all = new Float32Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    all.set(p, at)
    at += p.length
  }
  return all
}

describe('MPEG decoders reused across recordings', () => {
  it('decode a file exactly as a new decoder does, with nothing of the file before it', async () => {
    const a = new Uint8Array(await writeMp3(toInt16(sine(440, RATE, 1.3, 0.7)), RATE))
    const b = new Uint8Array(await writeMp3(toInt16(sine(180, RATE, 0.9, 0.4)), RATE))
    expect(spareMpegDecoders()).toBe(0)
    const fresh = await WasmStreamDecoder.create('mpeg')
    const expected = await decodeAll(fresh, b)
    expect(expected.length).toBeGreaterThan(RATE * 0.8)

    // A decoder that has just decoded another file (stopped half-way, reservoir and all) goes back...
    const used = await WasmStreamDecoder.create('mpeg')
    await used.push(a.subarray(0, a.length >> 1))
    used.free()
    expect(spareMpegDecoders()).toBe(1)
    // ...and comes out again for the next recording, which it decodes sample for sample alike.
    const reused = await WasmStreamDecoder.create('mpeg')
    expect(spareMpegDecoders()).toBe(0)
    const got = await decodeAll(reused, b, 1000)
    expect(got.length).toBe(expected.length)
    expect(Buffer.from(got.buffer).equals(Buffer.from(expected.buffer))).toBe(true)
    expect(reused.errors).toEqual([])
    reused.free()
    fresh.free()
    // Freeing twice never hands one decoder to two recordings.
    fresh.free()
    expect(spareMpegDecoders()).toBe(2)
  })
})
