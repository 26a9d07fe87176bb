/** A row waveform's box in CSS px (the SVG's viewBox): RowWave draws it at this size. */
export const ROW_WAVE_W = 64
export const ROW_WAVE_H = 18

/**
 * A row's waveform as two SVG paths, made once when its loudness buckets arrive and kept with them:
 * bars in the ink colour, and full-height bars where the audio clips. Rows then only hand the
 * browser a path; colours come from CSS (theme, selection), so nothing is redrawn on scroll, on a
 * theme change or when the row is selected.
 */
export interface RowWaveShape {
  ink: string
  clip: string
}

const round = (v: number) => Math.round(v * 10) / 10

/** Buckets are 0..99 loudness, 100 for clipping (core/audio/row-wave.ts). */
export function rowWaveShape(buckets: ArrayLike<number>): RowWaveShape {
  const n = buckets.length
  const step = n > 0 ? ROW_WAVE_W / n : 0
  const bar = round(Math.max(1, step - 0.6))
  let ink = ''
  let clip = ''
  for (let b = 0; b < n; b++) {
    const v = Math.max(0, Math.min(100, buckets[b]!))
    const x = round(b * step)
    if (v >= 100) clip += `M${x} 1h${bar}v${ROW_WAVE_H - 2}h-${bar}z`
    else {
      const h = round(Math.max(1, (v / 100) * (ROW_WAVE_H - 2)))
      ink += `M${x} ${round((ROW_WAVE_H - h) / 2)}h${bar}v${h}h-${bar}z`
    }
  }
  return { ink, clip }
}
