import { readSync } from 'node:fs'

/** The end record's directory offset and count (a plain ZIP, or the Zip64 end record when there is one). */
export function directoryOf(fd: number, size: number): { start: number; count: number; length: number } {
  const tailLength = Math.min(size, 22 + 0xffff + 20 + 56)
  const tail = Buffer.alloc(tailLength)
  readSync(fd, tail, 0, tailLength, size - tailLength)
  const at = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (at < 0) throw new Error('no end of central directory record')
  let count = tail.readUInt16LE(at + 10)
  let length = tail.readUInt32LE(at + 12)
  let start = tail.readUInt32LE(at + 16)
  if (start === 0xffffffff || count === 0xffff) {
    const loc = at - 20
    const z64 = Number(tail.readBigUInt64LE(loc + 8))
    const rec = Buffer.alloc(56)
    readSync(fd, rec, 0, 56, z64)
    count = Number(rec.readBigUInt64LE(32))
    length = Number(rec.readBigUInt64LE(40))
    start = Number(rec.readBigUInt64LE(48))
  }
  return { start, count, length }
}
