/** G.711 expansion tables (ITU-T G.711), built once: 256 entries each, scaled to [-1, 1). */
const build = (expand: (byte: number) => number) => Float32Array.from({ length: 256 }, (_, i) => expand(i) / 32768)

export const MULAW = build((byte) => {
  const u = ~byte & 0xff
  const t = (((u & 0x0f) << 3) + 0x84) << ((u & 0x70) >> 4)
  return u & 0x80 ? 0x84 - t : t - 0x84
})

export const ALAW = build((byte) => {
  const a = byte ^ 0x55
  const seg = (a & 0x70) >> 4
  let t = (a & 0x0f) << 4
  t = seg === 0 ? t + 8 : seg === 1 ? t + 0x108 : (t + 0x108) << (seg - 1)
  return a & 0x80 ? t : -t
})
