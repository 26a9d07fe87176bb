/**
 * A UTF-16 code unit with A-Z lower-cased and nothing else changed: what toLowerCase does to a
 * printable ASCII path. The listing's name hash, the export view's norms and the readers that
 * compare against a plain path without making its lower-cased copy all lower-case with this.
 */
export const lowerAscii = (c: number): number => (c >= 0x41 && c <= 0x5a ? c + 0x20 : c)
