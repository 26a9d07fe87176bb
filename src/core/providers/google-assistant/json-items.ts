/** What the splitter hands on: an item's parsed value, or the word that an item was too large to hold. */
export type SplitEvent = { type: 'item'; value: unknown } | { type: 'too-large'; byteOffset: number; chars: number }

/** Chars of one item held at most (UTF-16 code units); real MyActivity items are a few kB. */
export const MAX_ITEM_CHARS = 32 * 1024 * 1024

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09

/**
 * Cuts a top-level JSON array into the text of its items as the text streams in, so each item is
 * parsed by the engine's native JSON.parse instead of a tokenizer written in JavaScript (a
 * MyActivity.json of 300 MB: about a third of the time). It only finds where items begin and end:
 * strings are skipped with indexOf, nesting is counted.
 *
 * Linear by construction: every char is looked at once (a backslash run before a quote twice), an
 * item's pieces are kept as the chunks' own slices and joined once when it ends. (The earlier
 * version appended each chunk to the unfinished item and rescanned the result: three 20 MB items
 * took 20 s.) An item longer than `maxItemChars` is not held: its structure is followed to its end
 * and a 'too-large' event names where it began, so it costs that item only.
 *
 * JSON.parse judges every item, and anything else it does not expect (no '[' first, a missing ',',
 * text after ']') stops it with `failed`: the caller then lets the strict parser find and name the error.
 */
export class JsonItemSplitter {
  /** Set once the text is not what this splitter reads; no items are taken after that. */
  failed = false
  /** The closing ']' was seen. */
  done = false
  /** Work done, for tests of linearity: chars examined, chars copied into item texts, and chars measured in UTF-8 bytes. */
  readonly work = { scanned: 0, copied: 0, measured: 0 }
  /** 'open': before '['; 'first': after '[' (an item or ']'); 'item': after ',' (an item); 'after': after an item (',' or ']'). */
  private phase: 'open' | 'first' | 'item' | 'after' = 'open'
  /** Inside an item: what kind, and how it is going. */
  private kind: 'none' | 'nested' | 'string' | 'scalar' = 'none'
  private depth = 0
  private inString = false
  /** Backslashes that ended the previous chunk inside a string (an odd count escapes the next char). */
  private slashRun = 0
  /** The item's text from earlier chunks; emptied (and `skipping` set) once it passes the bound. */
  private parts: string[] = []
  private held = 0
  private skipping = false
  /** UTF-8 bytes of the chunks before the current one, and where the current item began. */
  private bytesBefore = 0
  private startByte = 0
  /** In the current chunk: whether it is all ASCII (a char is a byte), and the bytes before char `charMark`. */
  private chunkAscii = true
  private charMark = 0
  private byteMark = 0
  private first = true

  constructor(private readonly maxItemChars = MAX_ITEM_CHARS) {}

  /** Adds text; the items completed by it are pushed to `out`, up to the first thing it cannot read. */
  push(chunk: string, out: SplitEvent[]): void {
    if (this.failed) return
    const n = chunk.length
    const bytes = Buffer.byteLength(chunk)
    this.work.measured += n
    this.chunkAscii = bytes === n
    this.charMark = 0
    this.byteMark = 0
    let i = 0
    // An item that began in an earlier chunk goes on at 0.
    let segStart = 0
    while (i < n && !this.failed) {
      if (this.kind !== 'none') {
        const end = this.scanItem(chunk, i)
        if (end < 0) break
        this.finish(chunk, segStart, end, out)
        i = end
        continue
      }
      const c = chunk.charCodeAt(i)
      this.work.scanned++
      if (isSpace(c) || (c === 0xfeff && this.first && i === 0)) {
        i++
        continue
      }
      if (this.done) return this.fail()
      if (this.phase === 'open') {
        if (c !== 0x5b) return this.fail()
        this.phase = 'first'
        i++
      } else if (this.phase === 'after') {
        if (c === 0x2c) this.phase = 'item'
        else if (c === 0x5d) this.done = true
        else return this.fail()
        i++
      } else if (c === 0x5d && this.phase === 'first') {
        this.done = true
        i++
      } else if (c === 0x2c || c === 0x5d || c === 0x7d || c === 0x3a) {
        return this.fail()
      } else {
        this.begin(chunk, i, c)
        segStart = i
        // The opening char of a string, object or array is taken here; scanItem goes on after it.
        if (c === 0x22 || c === 0x7b || c === 0x5b) i++
      }
    }
    // The chunk ends inside an item (also one that began on its last char): keep its piece.
    if (this.kind !== 'none' && !this.failed) this.keep(chunk, segStart, n)
    if (n > 0) this.first = false
    this.bytesBefore += bytes
  }

  /** The end of the input: anything unfinished is a failure. */
  end(): void {
    if (!this.failed && !this.done) this.failed = true
  }

  private begin(chunk: string, i: number, c: number): void {
    this.kind = c === 0x22 ? 'string' : c === 0x7b || c === 0x5b ? 'nested' : 'scalar'
    this.depth = c === 0x7b || c === 0x5b ? 1 : 0
    this.inString = c === 0x22
    this.slashRun = 0
    this.parts = []
    this.held = 0
    this.skipping = false
    // Counted on from the last item's start, not from the chunk's: a chunk of 20,000 small items
    // once paid for its head again at each (1M `{}` items: 3.8 s of 4.5).
    if (!this.chunkAscii && i > this.charMark) {
      this.byteMark += Buffer.byteLength(chunk.slice(this.charMark, i))
      this.work.measured += i - this.charMark
      this.charMark = i
    }
    this.startByte = this.bytesBefore + (this.chunkAscii ? i : this.byteMark)
  }

  /** Follows the current item from `i`; returns the index just after its end, or -1 when the chunk ends inside it. */
  private scanItem(chunk: string, i: number): number {
    const n = chunk.length
    if (this.kind === 'scalar') {
      const from = i
      while (i < n) {
        const c = chunk.charCodeAt(i)
        if (c === 0x2c || c === 0x5d || isSpace(c)) break
        i++
      }
      this.work.scanned += i - from
      return i < n ? i : -1
    }
    while (i < n) {
      if (this.inString) {
        const q = chunk.indexOf('"', i)
        if (q < 0) {
          this.work.scanned += n - i
          this.slashRun = this.trailingSlashes(chunk, n, i)
          return -1
        }
        this.work.scanned += q + 1 - i
        const escaped = this.trailingSlashes(chunk, q, i) % 2 === 1
        this.slashRun = 0
        i = q + 1
        if (escaped) continue
        this.inString = false
        if (this.kind === 'string') return i
        continue
      }
      const c = chunk.charCodeAt(i++)
      this.work.scanned++
      if (c === 0x22) this.inString = true
      else if (c === 0x7b || c === 0x5b) this.depth++
      else if ((c === 0x7d || c === 0x5d) && --this.depth === 0) return i
    }
    return -1
  }

  /** Backslashes just before `end` (back to `from`; past the chunk's start the carried run counts too). */
  private trailingSlashes(chunk: string, end: number, from: number): number {
    let k = end - 1
    while (k >= from && chunk.charCodeAt(k) === 0x5c) k--
    this.work.scanned += end - 1 - k
    const run = end - 1 - k
    return k < from && from === 0 ? run + this.slashRun : run
  }

  /** The chunk ends inside the item: keep its piece, or stop holding once the item passes the bound. */
  private keep(chunk: string, from: number, to: number): void {
    this.held += to - from
    if (this.skipping) return
    if (this.held > this.maxItemChars) {
      this.skipping = true
      this.parts = []
      return
    }
    this.parts.push(chunk.slice(from, to))
  }

  private finish(chunk: string, from: number, end: number, out: SplitEvent[]): void {
    const chars = this.held + end - from
    const skipped = this.skipping || chars > this.maxItemChars
    this.kind = 'none'
    this.phase = 'after'
    this.skipping = false
    if (skipped) {
      this.parts = []
      out.push({ type: 'too-large', byteOffset: this.startByte, chars })
      return
    }
    const last = chunk.slice(from, end)
    const text = this.parts.length === 0 ? last : this.parts.join('') + last
    this.parts = []
    this.work.copied += text.length
    try {
      out.push({ type: 'item', value: JSON.parse(text) })
    } catch {
      this.failed = true
    }
  }

  private fail(): void {
    this.failed = true
  }
}
