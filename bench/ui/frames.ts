import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { FRAME_STAMP, TRACE_CATEGORIES, framesFromTrace, type FrameWork } from './trace'

export interface Stats {
  p50: number
  p95: number
  max: number
}

export interface FrameStats {
  frames: number
  /** requestAnimationFrame deltas in the page: the frame rate a person sees (machine load included). */
  raf: Stats
  /** Main-thread work between two frames (trace), wall and CPU time; and where the wall time went, p95 of each. */
  busy: Stats
  cpu: Stats
  style: number
  layout: number
  paint: number
}

/**
 * 'idle' nothing happens; 'scroll' the recording list moves `step` px a frame (down to the end, then
 * up); 'plain' the same scroll of a hand-written list of plain-text rows of the same height in the
 * same box, a vanilla DOM pool with no React and no waveforms (the baseline: what the browser
 * itself costs for such a list); 'zoom' one wheel step on the timeline a frame, in for the first
 * half and out for the second, around a point at 30 %.
 */
export type FrameKind = 'idle' | 'scroll' | 'plain' | 'zoom'

/**
 * Frame figures while the page does `kind` once a frame, driven from inside the page so the test
 * process's round trips are no part of them, with a Chromium trace of the same frames.
 */
export async function frameTimes(page: Page, kind: FrameKind, frames: number, step = 900): Promise<FrameStats> {
  const browser = page.context().browser()
  if (!browser) throw new Error('frame figures need the page of a launched browser (for its trace)')
  await browser.startTracing(page, { categories: TRACE_CATEGORIES })
  let deltas: number[]
  try {
    deltas = await page.evaluate(drive, [kind, frames, step, FRAME_STAMP] as const)
  } catch (err) {
    await browser.stopTracing().catch(() => undefined)
    throw err
  }
  const trace = await browser.stopTracing()
  // BENCH_UI_TRACES=dir keeps each trace, to open in Chromium's performance panel (or Perfetto).
  const keep = process.env.BENCH_UI_TRACES
  if (keep) {
    mkdirSync(keep, { recursive: true })
    writeFileSync(join(keep, `${kind}-${step}px-${Date.now()}.json`), trace)
  }
  // The first frames settle whatever came before.
  const work = framesFromTrace(trace).slice(3)
  const raf = deltas.slice(3)
  const pick = (f: (w: FrameWork) => number) => stats(work.map(f))
  return {
    frames: raf.length,
    raf: stats(raf),
    busy: pick((w) => w.busy),
    cpu: pick((w) => w.cpu),
    style: pick((w) => w.style).p95,
    layout: pick((w) => w.layout).p95,
    paint: pick((w) => w.paint).p95
  }
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? Number.NaN
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? Number.NaN }
}

/** Runs in the page: does `what` once a frame for `count` frames and answers the rAF deltas. */
function drive([what, count, step, stamp]: readonly [FrameKind, number, number, string]): Promise<number[]> {
  const list = document.querySelector<HTMLElement>('[data-testid=recording-list]')!
  const canvas = document.querySelector<HTMLCanvasElement>('[data-testid=timeline-canvas]')!
  const box = canvas.getBoundingClientRect()
  let scroller = list
  let cleanup = () => {}
  if (what === 'plain') {
    // The baseline list: as many rows as the real one, 34 px each, a pool of divs moved and re-texted on scroll.
    const rowH = 34
    const total = Number(list.getAttribute('aria-rowcount') ?? '1') - 1
    const at = list.getBoundingClientRect()
    const host = document.createElement('div')
    host.style.cssText = `position:fixed;left:${at.left}px;top:${at.top}px;width:${at.width}px;height:${at.height}px;overflow:auto;contain:strict;background:var(--panel);z-index:1000;font-size:0.88rem`
    const body = document.createElement('div')
    body.style.cssText = `position:relative;height:${total * rowH}px`
    host.append(body)
    const pool: HTMLDivElement[] = []
    const poolSize = Math.ceil(at.height / rowH) + 20
    for (let k = 0; k < poolSize; k++) {
      const row = document.createElement('div')
      row.style.cssText = `position:absolute;left:0;right:0;top:0;height:${rowH}px;white-space:nowrap;overflow:hidden;border-bottom:1px solid var(--line);padding:0 0.8rem;line-height:${rowH}px`
      body.append(row)
      pool.push(row)
    }
    const place = () => {
      const first = Math.max(0, Math.floor(host.scrollTop / rowH) - 10)
      pool.forEach((row, k) => {
        const i = first + k
        row.style.transform = `translateY(${i * rowH}px)`
        row.textContent = i < total ? `2024-03-0${i % 9} 10:${String(i % 60).padStart(2, '0')}  Echo ${i % 7}  0:0${i % 10}  recording ${i} says something` : ''
      })
    }
    host.addEventListener('scroll', place, { passive: true })
    document.body.append(host)
    place()
    scroller = host
    cleanup = () => host.remove()
  }
  return new Promise<number[]>((resolve) => {
    const out: number[] = []
    let last = -1
    let i = 0
    let down = true
    const frame = (now: number) => {
      console.timeStamp(stamp)
      if (last >= 0) out.push(now - last)
      last = now
      if (what === 'scroll' || what === 'plain') {
        if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) down = false
        else if (scroller.scrollTop <= 0) down = true
        scroller.scrollTop += down ? step : -step
      } else if (what === 'zoom') {
        const deltaY = i < count / 2 ? -120 : 120
        canvas.dispatchEvent(new WheelEvent('wheel', { deltaY, clientX: box.left + box.width * 0.3, clientY: box.top + box.height / 2, bubbles: true, cancelable: true }))
      }
      if (++i <= count) requestAnimationFrame(frame)
      else {
        cleanup()
        resolve(out)
      }
    }
    requestAnimationFrame(frame)
  })
}
