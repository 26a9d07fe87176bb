import { memo, useEffect, useRef } from 'react'
import { ROW_BUCKETS, rowWaveOf } from '../stores/rowWaves'
import { useStore } from '../stores'

const W = 64
const H = 18

/**
 * A row's small waveform from the engine's cached peaks: speech, silence and clipping at a glance.
 * Until the peaks are made, a quiet flat line stands in for it.
 */
export const RowWave = memo(function RowWave({ id }: { id: string }) {
  // Re-reads when any wave arrives (the version), draws only when this row's changed.
  const wave = useStore((s) => (s.rowWaves.version >= 0 ? rowWaveOf(s.rowWaves, id) : null))
  const theme = useStore((s) => s.rowWaves.theme)
  const ref = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    const canvas = ref.current
    if (!canvas || !wave) return
    const dpr = window.devicePixelRatio || 1
    if (canvas.width !== W * dpr) {
      canvas.width = W * dpr
      canvas.height = H * dpr
    }
    const ctx = canvas.getContext('2d')
    if (!ctx) return
    const style = getComputedStyle(canvas)
    const ink = style.color
    const clip = style.getPropertyValue('--clip').trim() || ink
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    ctx.clearRect(0, 0, W, H)
    const step = W / ROW_BUCKETS
    for (let b = 0; b < wave.length; b++) {
      const v = wave[b]!
      const h = Math.max(1, (v / 100) * (H - 2))
      ctx.fillStyle = v >= 100 ? clip : ink
      ctx.fillRect(b * step, (H - h) / 2, Math.max(1, step - 0.6), h)
    }
  }, [wave, theme])
  if (!wave) return <span className="row-wave pending" aria-hidden="true" />
  return <canvas ref={ref} className="row-wave" aria-hidden="true" data-testid="row-wave" style={{ width: W, height: H }} />
})
