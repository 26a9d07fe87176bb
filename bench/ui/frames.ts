import type { Page } from '@playwright/test'

export interface FrameStats {
  p95: number
  max: number
  frames: number
}

/**
 * requestAnimationFrame deltas in the page while it does `kind` once per frame, driven from inside
 * the page so that the test process's round trips are not part of the figure:
 * 'idle' nothing; 'scroll' the recording list down 900 px (back up at the end); 'zoom' one wheel
 * step on the timeline, in for the first half and out for the second, around a point at 30 %.
 */
export async function frameTimes(page: Page, kind: 'idle' | 'scroll' | 'zoom', frames: number): Promise<FrameStats> {
  const deltas = await page.evaluate(
    ([what, count]) =>
      new Promise<number[]>((resolve) => {
        const list = document.querySelector<HTMLElement>('[data-testid=recording-list]')!
        const canvas = document.querySelector<HTMLCanvasElement>('[data-testid=timeline-canvas]')!
        const box = canvas.getBoundingClientRect()
        const out: number[] = []
        let last = -1
        let i = 0
        let down = true
        const step = (now: number) => {
          if (last >= 0) out.push(now - last)
          last = now
          if (what === 'scroll') {
            if (list.scrollTop + list.clientHeight >= list.scrollHeight - 1) down = false
            else if (list.scrollTop <= 0) down = true
            list.scrollTop += down ? 900 : -900
          } else if (what === 'zoom') {
            const deltaY = i < count / 2 ? -120 : 120
            canvas.dispatchEvent(new WheelEvent('wheel', { deltaY, clientX: box.left + box.width * 0.3, clientY: box.top + box.height / 2, bubbles: true, cancelable: true }))
          }
          if (++i <= count) requestAnimationFrame(step)
          else resolve(out)
        }
        requestAnimationFrame(step)
      }),
    [kind, frames] as const
  )
  // The first frames settle whatever came before.
  const sorted = deltas.slice(3).sort((a, b) => a - b)
  return { p95: sorted[Math.floor(sorted.length * 0.95)] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN, frames: sorted.length }
}
