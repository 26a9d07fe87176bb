/**
 * Where the report's bytes go: `write` may keep the bytes it is given until its promise settles, so
 * the writer fills the same buffer again only after that. A sink that keeps them longer copies them.
 */
export type ByteSink = (bytes: Uint8Array) => void | Promise<void>

const QUOTE = 0x22
const BACKSLASH = 0x5c
const HEX = Array.from('0123456789abcdef', (c) => c.charCodeAt(0))
// What JSON.stringify writes for the controls that have a short escape; the others become \u00XX.
const SHORT: Record<number, number> = { 8: 0x62, 9: 0x74, 10: 0x6e, 12: 0x66, 13: 0x72 }

/**
 * JSON text written straight into one reusable buffer, in the bytes `JSON.stringify` then UTF-8
 * would give: no string per value, no batch string, no encoding pass. The buffer is handed to the
 * sink whenever it fills (between values, so a character is never cut in two) and at the end.
 * At 100,000 recordings this replaced ~40 MB of strings and their UTF-8 copies.
 */
export class JsonBytes {
  private current: Uint8Array
  private at = 0
  /** The other buffer, free to fill; null while the sink still holds it. */
  private spare: Uint8Array | null = null
  /** Settles once the sink has taken every buffer handed to it so far. */
  private held: Promise<void> | null = null

  constructor(
    private readonly sink: ByteSink,
    private readonly size = 1 << 20
  ) {
    this.current = new Uint8Array(size)
  }

  /** Whether enough is written to be worth handing over (the caller then awaits `flush`). */
  get full(): boolean {
    return this.at >= this.size - 4096
  }

  /**
   * Hands what is written to the sink and goes on in the other buffer: while the sink writes one,
   * the next is filled, and never more than two are alive (a slow pipe makes the writer wait here).
   */
  async flush(): Promise<void> {
    await this.settle()
    this.hand()
  }

  /** Hands over the rest and waits until the sink has taken everything. */
  async end(): Promise<void> {
    this.hand()
    await this.settle()
  }

  private async settle(): Promise<void> {
    while (this.held) {
      const held = this.held
      this.held = null
      await held
    }
  }

  private hand(): void {
    if (this.at === 0) return
    const full = this.current
    const taken = this.sink(full.subarray(0, this.at))
    this.at = 0
    // Taken at once: the same buffer is filled again.
    if (!taken) return
    // The sink may read `full` until `taken` settles; a spare still held (a value too long for the room left) means a new one.
    this.current = this.spare ?? new Uint8Array(this.size)
    this.spare = null
    const back = taken.then(() => {
      if (full.length === this.size) this.spare = full
    })
    this.held = this.held ? Promise.all([this.held, back]).then(() => undefined) : back
  }

  /** Room for `n` more bytes; when the buffer lacks it, what it holds goes to the sink first. */
  private room(n: number): void {
    if (this.at + n <= this.current.length) return
    this.hand()
    // One value longer than a whole buffer (a transcript of megabytes) gets a buffer of its own size.
    if (n > this.current.length) this.current = new Uint8Array(n)
    else if (this.current.length > this.size) this.current = new Uint8Array(this.size)
  }

  /** Text without anything to escape or encode: ASCII only. */
  ascii(text: string): void {
    const n = text.length
    this.room(n)
    const b = this.current
    let at = this.at
    for (let i = 0; i < n; i++) b[at++] = text.charCodeAt(i)
    this.at = at
  }

  /**
   * Bytes made once (see `fixed`): the layout's keys and indentation. Copied from bytes, not from
   * strings: a key built by a template is a rope whose characters cost a lookup each. `set` copies
   * natively: a byte loop took ~3 ns a byte, as long as all the values' characters together.
   */
  bytes(bytes: Uint8Array): void {
    const n = bytes.length
    this.room(n)
    this.current.set(bytes, this.at)
    this.at += n
  }

  /** Any text as UTF-8, unescaped (pieces JSON.stringify made already). */
  text(text: string): void {
    this.room(Buffer.byteLength(text))
    this.at += Buffer.from(this.current.buffer, this.current.byteOffset, this.current.byteLength).write(text, this.at, 'utf8')
  }

  /** A whole number or any other number as JSON writes it (NaN and the infinities as null). */
  number(n: number): void {
    this.ascii(Number.isFinite(n) ? String(n) : 'null')
  }

  /** A string as JSON.stringify writes it, quotes included, then as UTF-8. */
  string(s: string): void {
    // Six bytes is the most one UTF-16 unit becomes (\u001f, or a lone surrogate as \udXXX).
    this.room(s.length * 6 + 2)
    this.putString(s)
  }

  /**
   * Room for `n` more bytes at once, for a run of `put` and `putString` that need at most that many
   * (a string at most six bytes a character and its quotes): one test for a whole report row
   * instead of one per piece and value.
   */
  reserve(n: number): void {
    this.room(n)
  }

  /** `bytes` in room already reserved. */
  put(bytes: Uint8Array): void {
    this.current.set(bytes, this.at)
    this.at += bytes.length
  }

  /** `string` in room already reserved. */
  putString(s: string): void {
    const n = s.length
    const b = this.current
    let at = this.at
    b[at++] = QUOTE
    // Most values are printable ASCII without a quote or backslash: one test a character, a byte each.
    let i = 0
    for (; i < n; i++) {
      const c = s.charCodeAt(i)
      if (c - 0x20 >= 0x60 || c < 0x20 || c === QUOTE || c === BACKSLASH) break
      b[at++] = c
    }
    if (i < n) at = escaped(b, at, s, i)
    b[at++] = QUOTE
    this.at = at
  }

  /**
   * A quoted value `source` writes as bytes that need no escaping (at most `max` of them), without
   * a string made for it: an id or a time of a recording kept as columns.
   */
  quoted(source: QuotedSource, what: number, max: number): void {
    this.room(max + 2)
    this.putQuoted(source, what)
  }

  /** `quoted` in room already reserved. */
  putQuoted(source: QuotedSource, what: number): void {
    const b = this.current
    b[this.at] = QUOTE
    const end = source.putText(what, b, this.at + 1)
    b[end] = QUOTE
    this.at = end + 1
  }

  /** A string or null, as JSON writes it. */
  stringOrNull(s: string | null): void {
    if (s === null) this.ascii('null')
    else this.string(s)
  }
}

/** What writes value `what` of its own as bytes at b[at..] that JSON need not escape, answering where they end. */
export interface QuotedSource {
  putText(what: number, b: Uint8Array, at: number): number
}

/** A fixed piece of the layout, as bytes to copy (see JsonBytes.bytes). */
export const fixed = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'))

/** The rest of `s` from `i` as JSON.stringify escapes it, as UTF-8 into `b` at `at`; answers where it ends. */
function escaped(b: Uint8Array, at: number, s: string, i: number): number {
  const n = s.length
  for (; i < n; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0x20 && c < 0x80) {
      if (c === QUOTE || c === BACKSLASH) b[at++] = BACKSLASH
      b[at++] = c
    } else if (c < 0x20) {
      b[at++] = BACKSLASH
      const short = SHORT[c]
      if (short !== undefined) b[at++] = short
      else at = unicodeEscape(b, at, c)
    } else if (c < 0x800) {
      b[at++] = 0xc0 | (c >> 6)
      b[at++] = 0x80 | (c & 0x3f)
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < n ? s.charCodeAt(i + 1) : 0
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00)
        b[at++] = 0xf0 | (cp >> 18)
        b[at++] = 0x80 | ((cp >> 12) & 0x3f)
        b[at++] = 0x80 | ((cp >> 6) & 0x3f)
        b[at++] = 0x80 | (cp & 0x3f)
        i++
      } else {
        // A lone surrogate: well-formed JSON.stringify writes its escape, lower-case.
        b[at++] = BACKSLASH
        at = unicodeEscape(b, at, c)
      }
    } else {
      b[at++] = 0xe0 | (c >> 12)
      b[at++] = 0x80 | ((c >> 6) & 0x3f)
      b[at++] = 0x80 | (c & 0x3f)
    }
  }
  return at
}

/** `uXXXX` (the backslash is written already), hex digits lower-case as JSON.stringify writes them. */
function unicodeEscape(b: Uint8Array, at: number, c: number): number {
  b[at++] = 0x75
  b[at++] = HEX[(c >> 12) & 15]!
  b[at++] = HEX[(c >> 8) & 15]!
  b[at++] = HEX[(c >> 4) & 15]!
  b[at++] = HEX[c & 15]!
  return at
}
