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
export const detach = (text: string): string => (text.length < 13 ? text : (` ${text}`).slice(1))

/**
 * Text as a recording keeps it: clipped to FIELD_LIMIT and detached from the parser's buffers.
 * The mark is ASCII on purpose: one non-Latin-1 character makes V8 store the whole string at two bytes a character.
 */
export const clip = (text: string): string => detach(text.length > FIELD_LIMIT ? `${text.slice(0, FIELD_LIMIT - 5)} [...]` : text)
