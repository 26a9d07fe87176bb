import { useCallback, useEffect, useRef } from 'react'

/**
 * A canvas sized to its box (CSS pixels × devicePixelRatio) with one requestAnimationFrame-batched
 * `schedule()`: however many stores change in a frame, it is drawn once.
 */
export function useCanvas(draw: (ctx: CanvasRenderingContext2D, width: number, height: number) => void) {
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const size = useRef({ width: 0, height: 0 })
  const drawRef = useRef(draw)
  drawRef.current = draw
  const frame = useRef(0)
  const measured = useRef(false)

  const paint = useCallback(() => {
    frame.current = 0
    const canvas = canvasRef.current
    if (!canvas) return
    // The first frame after mounting comes before the ResizeObserver has said the size, which would
    // leave the first drawing to the frame after (a whole workspace's layout and paint later): read
    // the box once here instead; the frame lays it out next anyway, and the observer keeps it right.
    if (!measured.current) {
      measured.current = true
      const box = canvas.getBoundingClientRect()
      if (size.current.width === 0 && size.current.height === 0) size.current = { width: box.width, height: box.height }
    }
    const { width, height } = size.current
    const dpr = window.devicePixelRatio || 1
    const w = Math.max(1, Math.round(width * dpr))
    const h = Math.max(1, Math.round(height * dpr))
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w
      canvas.height = h
    }
    const ctx = canvas.getContext('2d')
    if (!ctx) return
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    drawRef.current(ctx, width, height)
  }, [])

  const schedule = useCallback(() => {
    if (!frame.current) frame.current = requestAnimationFrame(paint)
  }, [paint])

  useEffect(() => {
    const canvas = canvasRef.current
    if (!canvas) return
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return
      const { width, height } = entry.contentRect
      // Already drawn at this size (measured on the first frame): nothing to draw again.
      if (width === size.current.width && height === size.current.height) return
      size.current = { width, height }
      schedule()
    })
    observer.observe(canvas)
    return () => {
      observer.disconnect()
      if (frame.current) cancelAnimationFrame(frame.current)
      frame.current = 0
    }
  }, [schedule])

  return { canvasRef, schedule, size }
}
