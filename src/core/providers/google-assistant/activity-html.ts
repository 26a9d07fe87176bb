import type { Readable } from 'node:stream'
import type { ActivityItem } from './activity-item'

const AUDIO_REF = /\.(mp3|wav|ogg|opus|m4a|aac)$/i

/** Chars of text and references one activity may hold; a real one holds a few hundred. */
export const MAX_ACTIVITY_CHARS = 1024 * 1024

/**
 * Tags open at once that the parser may hold; Takeout nests about ten deep. htmlparser2 (12.0.0,
 * the newest) keeps its open tags in an array it unshifts and shifts, so each tag costs as many
 * moves as there are open tags: 100,000 unclosed ones took 16 s. Past the bound the parser starts
 * afresh where it stopped, so a tag costs at most this many moves.
 */
export const MAX_OPEN_TAGS = 512

/**
 * The file name a reference points at, %-escapes decoded. A malformed escape ('50%.mp3',
 * 'a%E9.mp3') costs that reference its decoding only: the raw name is kept, and the rest of the
 * file is read (decodeURIComponent's URIError once stopped the whole file).
 */
export function refName(ref: string): string {
  const raw = ref.slice(ref.lastIndexOf('/') + 1)
  if (!raw.includes('%')) return raw
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

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
  /** Set when the activity held more than MAX_ACTIVITY_CHARS: where it began (a char of the file) and how many it held; its text is cut at the bound. */
  oversized?: { charOffset: number; chars: number }
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

interface OpenItem {
  header: string | null
  cells: Cell[]
  audioFiles: string[]
  chars: number
  start: number
}

const cleanLines = (c: Cell | undefined) => (c?.lines ?? []).map((l) => l.replace(/[\s\u00a0\u2003]+/g, ' ').trim()).filter((l) => l !== '')

function activityOf(item: OpenItem): HtmlActivity {
  const header = cleanLines(item.cells.find((c) => c.kind === 'header'))[0] ?? null
  const activity: HtmlActivity = { header, content: cleanLines(item.cells.find((c) => c.kind === 'content')), caption: cleanLines(item.cells.find((c) => c.kind === 'caption')), audioFiles: item.audioFiles }
  if (item.chars > MAX_ACTIVITY_CHARS) activity.oversized = { charOffset: item.start, chars: item.chars }
  return activity
}

/** Where the parser stopped nesting: the char of the file where the tag past MAX_OPEN_TAGS began. */
export interface TooDeep {
  charOffset: number
}

/**
 * Streams the activities of a MyActivity.html: each 'outer-cell' block is one. Written for the
 * layout Takeout uses (header-cell, content-cell, caption cell) and tolerant of extra markup.
 * `onTooDeep` hears of each place where tags nested past MAX_OPEN_TAGS; reading goes on after it.
 */
export async function* readActivityHtml(input: Readable, signal?: AbortSignal, onTooDeep?: (at: TooDeep) => void): AsyncGenerator<HtmlActivity> {
  // Loaded only for the HTML twin: htmlparser2 costs ~25 ms of every scan's start otherwise.
  const { Parser } = await import('htmlparser2')
  const ready: HtmlActivity[] = []
  let depth = 0
  let itemDepth = -1
  let cell: Cell | null = null
  let item: OpenItem | null = null
  // Tags the parser holds open (every open tag event is matched by a close one, void tags at once).
  let open = 0
  // The char of the file where the parser's own offsets start: it counts from 0 again after a restart.
  let base = 0
  // The char of the file where the tag past MAX_OPEN_TAGS began; -1 while the parser is within the bound.
  let tooDeepAt = -1
  // What the activity holds is counted as it comes; past the bound it is counted, not kept.
  const room = (n: number): boolean => {
    if (!item) return false
    item.chars += n
    return item.chars <= MAX_ACTIVITY_CHARS
  }
  const text = (s: string) => {
    if (!cell || !room(s.length)) return
    const last = cell.lines.length - 1
    cell.lines[last] = `${cell.lines[last]}${s}`
  }
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (++open > MAX_OPEN_TAGS) {
          // startIndex is the tag's '<' only until this call returns.
          tooDeepAt = base + parser.startIndex
          parser.pause()
          return
        }
        if (name === 'br' || name === 'p') {
          if (cell && room(1)) cell.lines.push('')
          return
        }
        if (name === 'source' || name === 'audio' || name === 'a') {
          const ref = attrs.src ?? attrs.href
          if (item && ref && AUDIO_REF.test(ref) && room(ref.length)) item.audioFiles.push(refName(ref))
        }
        if (name !== 'div') return
        depth++
        const cls = attrs.class ?? ''
        if (/\bouter-cell\b/.test(cls)) {
          item = { header: null, cells: [], audioFiles: [], chars: 0, start: base + parser.startIndex }
          itemDepth = depth
        } else if (item && /\b(header-cell|content-cell)\b/.test(cls)) {
          cell = { kind: /header-cell/.test(cls) ? 'header' : /caption/.test(cls) ? 'caption' : 'content', depth, lines: [''] }
          item.cells.push(cell)
        }
      },
      ontext: text,
      onclosetag(name) {
        open--
        if (name !== 'div') return
        if (cell && depth === cell.depth) cell = null
        if (item && depth === itemDepth) {
          ready.push(activityOf(item))
          item = null
          itemDepth = -1
        }
        depth--
      }
    },
    { decodeEntities: true }
  )
  /**
   * The parser paused on the tag past the bound: the activity it was in ends there, as the file's
   * end would end it (one that holds nothing, such as each of a run of unclosed 'outer-cell's, is
   * no activity), and the parser starts afresh on the rest of `chunk`, the piece written last,
   * which begins at char `at` of the file. Returns the rest, which may pause it again.
   */
  const restart = (chunk: string, at: number): string => {
    const stop = base + parser.endIndex + 1
    onTooDeep?.({ charOffset: tooDeepAt })
    if (item && (item.audioFiles.length > 0 || item.cells.some((c) => c.lines.some((l) => l.trim() !== '')))) ready.push(activityOf(item))
    item = null
    cell = null
    itemDepth = -1
    depth = 0
    open = 0
    tooDeepAt = -1
    parser.reset()
    base = stop
    return chunk.slice(stop - at)
  }
  let at = 0
  input.setEncoding('utf8')
  try {
    for await (const chunk of input as AsyncIterable<string>) {
      signal?.throwIfAborted()
      let piece = chunk
      let from = at
      parser.write(piece)
      while (tooDeepAt >= 0) {
        const rest = restart(piece, from)
        from += piece.length - rest.length
        piece = rest
        parser.write(piece)
      }
      at += chunk.length
      yield* ready.splice(0)
    }
    parser.end()
    yield* ready.splice(0)
  } finally {
    input.destroy()
  }
}
