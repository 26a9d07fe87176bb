import { readAt, type ByteSource } from './source'

export type Detected = 'zip' | 'tar' | 'gzip' | null

const EOCD = Buffer.from([0x50, 0x4b, 0x05, 0x06])

/** A tar header block: "ustar" magic, or (old v7 tar) a checksum that adds up. */
export function looksLikeTar(block: Buffer): boolean {
  if (block.length < 512) return false
  if (block.toString('latin1', 257, 262) === 'ustar') return true
  const stored = parseInt(block.toString('latin1', 148, 156).replace(/[\0 ]+$/g, '').trim(), 8)
  if (!Number.isFinite(stored)) return false
  let sum = 0
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]!
  return sum === stored && block[0] !== 0
}

/** The format by its bytes, not its name: a ZIP signature at the start (or its end record near the end), gzip, or tar. */
export async function detectFormat(source: ByteSource): Promise<Detected> {
  const head = await readAt(source, 0, 512)
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b) {
    const kind = head.readUInt16LE(2)
    if (kind === 0x0403 || kind === 0x0605 || kind === 0x0807 || kind === 0x3030) return 'zip'
  }
  if (head.length >= 3 && head[0] === 0x1f && head[1] === 0x8b && head[2] === 0x08) return 'gzip'
  if (looksLikeTar(head)) return 'tar'
  // A ZIP with something in front (a self-extractor stub) still ends with its directory.
  const tailLength = Math.min(source.size, 22 + 0xffff + 20)
  const tail = await readAt(source, source.size - tailLength, tailLength)
  return tail.lastIndexOf(EOCD) >= 0 ? 'zip' : null
}
