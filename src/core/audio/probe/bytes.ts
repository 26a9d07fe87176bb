/** Little helpers over a byte array; out-of-range reads return undefined-safe zeros via checks at call sites. */
export const view = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength)

export const ascii = (b: Uint8Array, at: number, length: number): string => {
  let s = ''
  for (let i = at; i < at + length && i < b.length; i++) s += String.fromCharCode(b[i]!)
  return s
}

export const concat = (a: Uint8Array, b: Uint8Array): Uint8Array => {
  const out = new Uint8Array(a.length + b.length)
  out.set(a, 0)
  out.set(b, a.length)
  return out
}

/** An ID3v2 tag's total length at `at` (header, body and footer), or 0 when there is none. */
export function id3v2Length(b: Uint8Array, at = 0): number {
  if (b.length < at + 10 || ascii(b, at, 3) !== 'ID3') return 0
  const size = ((b[at + 6]! & 0x7f) << 21) | ((b[at + 7]! & 0x7f) << 14) | ((b[at + 8]! & 0x7f) << 7) | (b[at + 9]! & 0x7f)
  const footer = b[at + 5]! & 0x10 ? 10 : 0
  return 10 + size + footer
}
