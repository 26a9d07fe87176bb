/** G.711 compression (ITU-T reference algorithm), only to make µ-law and A-law test files. */
const segment = (v: number, ends: number[]): number => {
  const i = ends.findIndex((end) => v <= end)
  return i < 0 ? ends.length : i
}

export function mulawByte(sample16: number): number {
  let v = sample16 >> 2
  let mask = 0xff
  if (v < 0) {
    v = -v
    mask = 0x7f
  }
  v = Math.min(v, 8159) + (0x84 >> 2)
  const seg = segment(v, [0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff, 0x1fff])
  if (seg >= 8) return 0x7f ^ mask
  return ((seg << 4) | ((v >> (seg + 1)) & 0x0f)) ^ mask
}

export function alawByte(sample16: number): number {
  let v = sample16 >> 3
  let mask = 0xd5
  if (v < 0) {
    mask = 0x55
    v = -v - 1
  }
  const seg = segment(v, [0x1f, 0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff])
  if (seg >= 8) return 0x7f ^ mask
  return ((seg << 4) | (seg < 2 ? (v >> 1) & 0x0f : (v >> seg) & 0x0f)) ^ mask
}
