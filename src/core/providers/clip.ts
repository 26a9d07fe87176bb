/**
 * Longest text kept per field of a recording. Evidence needs what was said and answered, not a
 * page of it; the cap keeps memory per recording bounded when an export carries long answers.
 */
export const FIELD_LIMIT = 300

/**
 * A copy of `text` that shares no memory with the string it was cut from. Streaming parsers hand
 * out slices of their input chunks; keeping such a slice keeps the whole chunk alive, and for a
 * 300 MB MyActivity.json that is the whole file.
 */
// Shorter strings are always copied by V8 when cut. A JSON round trip gives one flat string of the
// same text (a lone surrogate included); ' '+text then slice(1) kept a copy and a slice of it.
export const detach = (text: string): string => (text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string))

/** Text cut to FIELD_LIMIT. The mark is ASCII: one non-Latin-1 character makes V8 store the whole string at two bytes a character. */
export const limit = (text: string): string => (text.length > FIELD_LIMIT ? `${text.slice(0, FIELD_LIMIT - 6)} [...]` : text)

/** Text as a recording keeps it: limited and detached from the parser's buffers. */
export const clip = (text: string): string => detach(limit(text))

/** Text made just now and shared with no buffer (a CSV cell's own string): limited, and copied only when cut. */
export const fresh = (text: string): string => (text.length > FIELD_LIMIT ? clip(text) : text)

const SHORT = 80

/**
 * One copy of each short value that repeats on every row or item (device names, serials, status,
 * product names): 100,000 recordings then hold a handful of strings, not 100,000 copies.
 */
export class Interner {
  private readonly seen = new Map<string, string>()

  get(text: string): string {
    if (text.length > SHORT) return clip(text)
    let kept = this.seen.get(text)
    if (kept === undefined) {
      // Unbounded variety (ids, times) would make the map a second copy of the data: start over.
      if (this.seen.size >= 20_000) this.seen.clear()
      kept = detach(text)
      this.seen.set(kept, kept)
    }
    return kept
  }
}
