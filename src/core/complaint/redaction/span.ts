/** What the redaction removes, one kind per marker. */
export type RedactionKind = 'name' | 'place' | 'address' | 'email' | 'phone' | 'iban' | 'card' | 'dob' | 'id'

/** A stretch of the text to remove: [start, end) in UTF-16 code units. */
export interface Span {
  start: number
  end: number
  kind: RedactionKind
}
