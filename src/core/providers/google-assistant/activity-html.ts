import type { Readable } from 'node:stream'
import type { ActivityItem } from './activity-item'

const AUDIO_REF = /\.(mp3|wav|ogg|opus|m4a|aac)$/i

interface Cell {
  kind: 'header' | 'content' | 'caption'
  depth: number
  lines: string[]
}

/** One activity of the HTML twin, as its cells' text lines. */
export interface HtmlActivity {
  header: string | null
  /** The first content cell's lines: title, time, then the answer. */
  content: string[]
  /** 'Products:', 'Details:', 'Locations:' and their values. */
  caption: string[]
  audioFiles: string[]
}

/** Groups caption lines under their 'Label:' lines. */
function sections(lines: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>()
  let current: string[] | null = null
  for (const line of lines) {
    const label = /^([^:]{2,30}):$/.exec(line)
    if (label) out.set(label[1]!.toLowerCase(), (current = []))
    else current?.push(line)
  }
  return out
}

/** The HTML activity in the JSON item's shape; `timeLine` is the content line that holds the local time. */
export function toItem(a: HtmlActivity, isTime: (line: string) => boolean): { item: ActivityItem; timeLine: string | null } {
  const timeAt = a.content.findIndex(isTime)
  const caption = sections(a.caption)
  const pick = (...names: string[]) => names.flatMap((n) => caption.get(n) ?? [])
  return {
    timeLine: timeAt >= 0 ? a.content[timeAt]! : null,
    item: {
      header: a.header ?? undefined,
      title: a.content[0],
      products: pick('products', 'produkte'),
      details: pick('details').map((name) => ({ name })),
      locationInfos: pick('locations', 'standorte').map((name) => ({ name })),
      subtitles: (timeAt >= 0 ? a.content.slice(timeAt + 1) : a.content.slice(1)).map((name) => ({ name })),
      audioFiles: a.audioFiles
    }
  }
}

/**
 * Streams the activities of a MyActivity.html: each 'outer-cell' block is one. Written for the
 * layout Takeout uses (header-cell, content-cell, caption cell) and tolerant of extra markup.
 */
export async function* readActivityHtml(input: Readable, signal?: AbortSignal): AsyncGenerator<HtmlActivity> {
  // Loaded only for the HTML twin: htmlparser2 costs ~25 ms of every scan's start otherwise.
  const { Parser } = await import('htmlparser2')
  const ready: HtmlActivity[] = []
  let depth = 0
  let itemDepth = -1
  let cell: Cell | null = null
  let item: { header: string | null; cells: Cell[]; audioFiles: string[] } | null = null
  const text = (s: string) => {
    if (!cell) return
    const last = cell.lines.length - 1
    cell.lines[last] = `${cell.lines[last]}${s}`
  }
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'br' || name === 'p') {
          if (cell) cell.lines.push('')
          return
        }
        if (name === 'source' || name === 'audio' || name === 'a') {
          const ref = attrs.src ?? attrs.href
          if (item && ref && AUDIO_REF.test(ref)) item.audioFiles.push(decodeURIComponent(ref.split('/').pop()!))
        }
        if (name !== 'div') return
        depth++
        const cls = attrs.class ?? ''
        if (/\bouter-cell\b/.test(cls)) {
          item = { header: null, cells: [], audioFiles: [] }
          itemDepth = depth
        } else if (item && /\b(header-cell|content-cell)\b/.test(cls)) {
          cell = { kind: /header-cell/.test(cls) ? 'header' : /caption/.test(cls) ? 'caption' : 'content', depth, lines: [''] }
          item.cells.push(cell)
        }
      },
      ontext: text,
      onclosetag(name) {
        if (name !== 'div') return
        if (cell && depth === cell.depth) cell = null
        if (item && depth === itemDepth) {
          const clean = (c: Cell | undefined) => (c?.lines ?? []).map((l) => l.replace(/[\s\u00a0\u2003]+/g, ' ').trim()).filter((l) => l !== '')
          const header = clean(item.cells.find((c) => c.kind === 'header'))[0] ?? null
          ready.push({ header, content: clean(item.cells.find((c) => c.kind === 'content')), caption: clean(item.cells.find((c) => c.kind === 'caption')), audioFiles: item.audioFiles })
          item = null
          itemDepth = -1
        }
        depth--
      }
    },
    { decodeEntities: true }
  )
  input.setEncoding('utf8')
  try {
    for await (const chunk of input as AsyncIterable<string>) {
      signal?.throwIfAborted()
      parser.write(chunk)
      yield* ready.splice(0)
    }
    parser.end()
    yield* ready.splice(0)
  } finally {
    input.destroy()
  }
}
