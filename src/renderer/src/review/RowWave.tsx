import { memo } from 'react'
import { ROW_WAVE_H, ROW_WAVE_W, type RowWaveShape } from './row-wave-shape'

/**
 * A row's small waveform from the engine's cached peaks: speech, silence and clipping at a glance.
 * Until the peaks are made, a quiet flat line stands in for it. An inline SVG of two paths made once
 * per recording (row-wave-shape.ts), not a canvas per row: a canvas is a bitmap to allocate, draw and
 * hand to the compositor for every row that scrolls in, a path is a few bytes of the row's paint.
 */
export const RowWave = memo(function RowWave({ shape }: { shape: RowWaveShape | null }) {
  if (!shape) return <span className="row-wave pending" aria-hidden="true" />
  return (
    <svg className="row-wave" aria-hidden="true" data-testid="row-wave" viewBox={`0 0 ${ROW_WAVE_W} ${ROW_WAVE_H}`} width={ROW_WAVE_W} height={ROW_WAVE_H}>
      <path className="ink" d={shape.ink} />
      {shape.clip && <path className="clip" d={shape.clip} />}
    </svg>
  )
})
