/** An HTTP Range header against a known size (RFC 9110 §14): one range, inclusive ends. */
export type RangeAnswer = { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' }

// One range of two safe integers is under 60 characters. Longer is no header Chromium sends, and
// RANGE's neighbouring \s* cost the cube of a long run of spaces (2,000 tabs: 12 s).
const MAX_RANGE_CHARS = 200
const RANGE = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i

export function parseRange(header: string | null | undefined, size: number): RangeAnswer {
  if (!header) return { kind: 'full' }
  const m = header.length > MAX_RANGE_CHARS ? null : RANGE.exec(header)
  // A malformed header or several ranges: the spec lets a server ignore Range and send it all.
  if (!m || (m[1] === '' && m[2] === '')) return { kind: 'full' }
  if (m[1] === '') {
    const suffix = Number(m[2])
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' }
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 }
  }
  const start = Number(m[1])
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1)
  if (!Number.isSafeInteger(start) || start >= size) return { kind: 'unsatisfiable' }
  if (end < start) return { kind: 'full' }
  return { kind: 'partial', start, end }
}
