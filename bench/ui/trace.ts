/**
 * Per-frame main-thread work from a Chromium trace (Playwright's browser.startTracing): the page
 * stamps every animation frame with console.timeStamp(FRAME_STAMP), and each interval between two
 * stamps gets the renderer main thread's task time inside it, as wall time (dur) and as the thread's
 * own CPU time (tdur). CPU time is what the page itself costs: on a busy machine the wall time of a
 * frame also holds the moments other processes had the core.
 */

export const FRAME_STAMP = 'exportscope-frame'
export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'blink.user_timing']

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  tdur?: number
  args?: { name?: string; data?: { message?: string } }
}

/** One frame's main-thread work, in ms. */
export interface FrameWork {
  /** Wall time of the main thread's tasks in the frame. */
  busy: number
  /** The same tasks' CPU time. */
  cpu: number
  /** Style recalculation, layout, and paint (pre-paint, paint, layerize, compositing commit), wall time. */
  style: number
  layout: number
  paint: number
}

const TASKS = new Set(['ThreadControllerImpl::RunTask', 'RunTask'])
const STYLE = new Set(['UpdateLayoutTree', 'RecalculateStyles'])
const LAYOUT = new Set(['Layout'])
const PAINT = new Set(['PrePaint', 'Paint', 'PaintImage', 'Layerize', 'UpdateLayer', 'CompositeLayers', 'Commit'])

/** Outermost complete events of one thread, sorted: nested ones (a RunTask inside a RunTask) are dropped. */
function outermost(events: TraceEvent[]): TraceEvent[] {
  const sorted = [...events].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
  const out: TraceEvent[] = []
  let end = -Infinity
  for (const e of sorted) {
    if (e.ts >= end) {
      out.push(e)
      end = e.ts + (e.dur ?? 0)
    }
  }
  return out
}

/** Adds each event's part that lies in [from, to) to `into[key]` (an event's CPU time is split in proportion). */
function clipSum(events: TraceEvent[], from: number, to: number, wall: boolean): number {
  let sum = 0
  for (const e of events) {
    const s = e.ts
    const d = e.dur ?? 0
    if (s >= to) break
    const overlap = Math.min(s + d, to) - Math.max(s, from)
    if (overlap <= 0) continue
    sum += wall ? overlap : d > 0 ? ((e.tdur ?? d) * overlap) / d : 0
  }
  return sum
}

/** The main-thread work of every frame between the page's frame stamps. */
export function framesFromTrace(buffer: Buffer): FrameWork[] {
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[]
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? [])
  const stamps = events.filter((e) => e.name === 'TimeStamp' && e.args?.data?.message === FRAME_STAMP)
  if (stamps.length < 2) throw new Error(`the trace holds ${stamps.length} frame stamps; the page did not stamp its frames`)
  // The thread that stamped is the page's main thread.
  const { pid, tid } = stamps[0]!
  const mine = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X')
  const tasks = outermost(mine.filter((e) => TASKS.has(e.name)))
  const byKind = (names: Set<string>) => outermost(mine.filter((e) => names.has(e.name)))
  const style = byKind(STYLE)
  const layout = byKind(LAYOUT)
  const paint = byKind(PAINT)
  const ts = stamps.map((s) => s.ts).sort((a, b) => a - b)
  const out: FrameWork[] = []
  for (let k = 0; k + 1 < ts.length; k++) {
    const from = ts[k]!
    const to = ts[k + 1]!
    out.push({
      busy: clipSum(tasks, from, to, true) / 1000,
      cpu: clipSum(tasks, from, to, false) / 1000,
      style: clipSum(style, from, to, true) / 1000,
      layout: clipSum(layout, from, to, true) / 1000,
      paint: clipSum(paint, from, to, true) / 1000
    })
  }
  return out
}
