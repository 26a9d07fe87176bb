/**
 * Cuts a top-level JSON array into the text of its items as the text streams in, so each item is
 * parsed by the engine's native JSON.parse instead of a tokenizer written in JavaScript (a
 * MyActivity.json of 300 MB: about a third of the time). It only finds where items begin and end:
 * strings are skipped with indexOf, nesting is counted. JSON.parse judges every item, and anything
 * else it does not expect (no '[' first, a missing ',', text after ']', an item past the size
 * bound) stops it with `failed`: the caller then lets the strict parser find and name the error.
 */
export class JsonItemSplitter {
  /** Set once the text is not what this splitter reads; no items are taken after that. */
  failed = false
  /** The closing ']' was seen. */
  done = false
  private text = ''
  /** Next character to look at in `text`. */
  private at = 0
  /** Where the current item starts in `text`; -1 between items. */
  private start = -1
  private depth = 0
  private inString = false
  /** 'open': before '['; 'first': after '[' (an item or ']'); 'item': after ',' (an item); 'after': after an item (',' or ']'). */
  private phase: 'open' | 'first' | 'item' | 'after' = 'open'

  constructor(private readonly maxItemChars = 64 * 1024 * 1024) {}

  /** Adds text; the items completed by it are pushed to `out`, up to the first thing it cannot read. */
  push(chunk: string, out: unknown[]): void {
    if (this.failed) return
    this.text = this.at === this.text.length && this.start < 0 ? chunk : this.text + chunk
    this.scan(out)
    // Keep only the unfinished item (or nothing), so memory stays one item deep.
    const keep = this.start >= 0 ? this.start : this.at
    if (keep > 0) {
      this.text = this.text.slice(keep)
      this.at -= keep
      if (this.start >= 0) this.start = 0
    }
    if (this.start >= 0 && this.text.length > this.maxItemChars) this.failed = true
  }

  /** The end of the input: anything unfinished is a failure. */
  end(): void {
    if (this.failed) return
    if (!this.done) this.failed = true
  }

  private scan(out: unknown[]): void {
    const text = this.text
    const n = text.length
    let i = this.at
    while (i < n) {
      if (this.start >= 0) {
        i = this.inItem(text, i, out)
        if (this.failed) return
        if (i < 0) {
          i = n
          break
        }
        continue
      }
      const c = text.charCodeAt(i)
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || (c === 0xfeff && this.phase === 'open' && i === 0)) {
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
        this.start = i
        this.depth = 0
        this.inString = false
      }
    }
    this.at = i
  }

  /** Scans the current item from `i`; returns where to go on, or -1 when the text ends inside it. */
  private inItem(text: string, i: number, out: unknown[]): number {
    const n = text.length
    const first = text.charCodeAt(this.start)
    const nested = first === 0x7b || first === 0x5b
    if (!nested && first !== 0x22) {
      // A number or a literal: it ends at the first separator or space.
      while (i < n) {
        const c = text.charCodeAt(i)
        if (c === 0x2c || c === 0x5d || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) return this.take(text, i, out)
        i++
      }
      this.at = i
      return -1
    }
    if (first === 0x22 && i === this.start) {
      this.inString = true
      i++
    }
    while (i < n) {
      if (this.inString) {
        const q = text.indexOf('"', i)
        if (q < 0) {
          this.at = n
          return -1
        }
        let slashes = 0
        for (let k = q - 1; k >= 0 && text.charCodeAt(k) === 0x5c; k--) slashes++
        i = q + 1
        if (slashes % 2 === 1) continue
        this.inString = false
        if (!nested) return this.take(text, i, out)
        continue
      }
      const c = text.charCodeAt(i++)
      if (c === 0x22) this.inString = true
      else if (c === 0x7b || c === 0x5b) this.depth++
      else if (c === 0x7d || c === 0x5d) {
        if (--this.depth === 0) return this.take(text, i, out)
      }
    }
    this.at = n
    return -1
  }

  private take(text: string, end: number, out: unknown[]): number {
    const item = text.slice(this.start, end)
    this.start = -1
    this.phase = 'after'
    try {
      out.push(JSON.parse(item))
    } catch {
      this.failed = true
      return -1
    }
    return end
  }

  private fail(): void {
    this.failed = true
  }
}
