import type { Readable } from 'node:stream'
import { toUtcIso } from '../time'
import { inLanes } from '../../lanes'

export interface TranscriptRow {
  time: string
  device: string | null
  transcript: string | null
  page: number
  /** 1-based line on its page, counting the text lines pdf.js sees. */
  line: number
  raw: string
}

// A row starts with its time; the 2018 PDF's exact wording is not public, so read any ISO-like stamp.
const STAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})?/i
const LINE_END = /[\n\r\u2028\u2029]/

/**
 * The stamp a cell starts with and the text after it; null when the cell starts with none, or its
 * text spans lines (not a row's first cell). What /^(STAMP)\s*(.*)$/ matched, without its cost:
 * after a stamp, a cell of spaces and then a line end made that pattern try every split of the spaces.
 */
export function rowStartOf(cell: string): { stamp: string; rest: string } | null {
  const m = STAMP.exec(cell)
  if (m === null) return null
  const rest = cell.slice(m[0].length).trimStart()
  return LINE_END.test(rest) ? null : { stamp: m[0], rest }
}
const MAX_PDF_BYTES = 256 * 1024 * 1024
const PAGES_IN_FLIGHT = 8

interface TextItem {
  str: string
  transform: number[]
}

/** The text lines of each page, cells in reading order: items sharing a baseline make one line. */
async function pdfLines(data: Uint8Array): Promise<string[][][]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise
  try {
    const pages: string[][][] = new Array(doc.numPages)
    const linesOf = async (p: number) => {
      const page = await doc.getPage(p)
      const content = await page.getTextContent()
      const rows = new Map<number, Array<{ x: number; s: string }>>()
      for (const item of content.items as TextItem[]) {
        if (!('str' in item) || item.str.trim() === '') continue
        const y = Math.round(item.transform[5]! * 2) / 2
        const row = rows.get(y) ?? []
        row.push({ x: item.transform[4]!, s: item.str.trim() })
        rows.set(y, row)
      }
      pages[p - 1] = [...rows.entries()].sort((a, b) => b[0] - a[0]).map(([, cells]) => cells.sort((a, b) => a.x - b.x).map((c) => c.s))
      page.cleanup()
    }
    // A few pages in flight at once: pdf.js answers through message round trips, and overlapping
    // them halves the time of a 32-page transcript; more would only hold more pages in memory.
    await inLanes(doc.numPages, PAGES_IN_FLIGHT, (i) => linesOf(i + 1))
    return pages
  } finally {
    await doc.destroy()
  }
}

async function collect(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_PDF_BYTES) {
      stream.destroy()
      throw new Error(`the PDF is larger than ${MAX_PDF_BYTES / 1024 / 1024} MB`)
    }
    chunks.push(chunk)
  }
  return new Uint8Array(Buffer.concat(chunks))
}

/**
 * The rows of a transcript PDF: a line that starts with a time opens a row (then the device and the
 * transcript, as separate cells); a line without a time continues the row above (wrapped text).
 */
export async function readTranscriptPdf(stream: Readable): Promise<TranscriptRow[]> {
  const pages = await pdfLines(await collect(stream))
  const rows: TranscriptRow[] = []
  let open: TranscriptRow | null = null
  pages.forEach((lines, pageIndex) => {
    lines.forEach((cells, lineIndex) => {
      const text = cells.join(' ')
      const first = rowStartOf(cells[0] ?? '')
      const time = first ? toUtcIso(first.stamp) : null
      if (first && time) {
        const rest = first.rest ? [first.rest, ...cells.slice(1)] : cells.slice(1)
        const [device, ...said] = rest.length >= 2 ? rest : [null, ...rest]
        open = { time, device: device ?? null, transcript: said.join(' ') || null, page: pageIndex + 1, line: lineIndex + 1, raw: text }
        rows.push(open)
      } else if (open && pageIndex + 1 === open.page && !/^(page|seite)\s+\d+/i.test(text)) {
        open.transcript = open.transcript ? `${open.transcript} ${text}` : text
        open.raw = `${open.raw}\n${text}`
      }
    })
    open = null
  })
  return rows
}
