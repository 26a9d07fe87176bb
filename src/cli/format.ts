// Thousands with commas whatever the user's locale, so scripts can parse the human output; not
// toLocaleString, whose first call loads ICU data and costs a scan of a small export ~10 ms.
export const count = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')

export const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${n === 1 ? one : many}`

export function bytes(n: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB']
  let value = n
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit += 1
  }
  return unit === 0 ? plural(n, 'byte') : `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`

/**
 * Characters that must not reach a terminal as they are: C0 and C1 controls (they move the cursor or
 * recolour), bidirectional controls (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069: with
 * U+202E 'a3\u202evaw.exe' shows as 'a3exe.wav'), the line and paragraph separators U+2028/U+2029,
 * and the zero-width U+200B–U+200D, U+2060, U+FEFF (they hide a difference between two names).
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]/g

/** Names inside an export are hostile input: each such character is shown as its \uXXXX escape. */
export const printable = (text: string): string => text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)

/**
 * A message of several lines as one, each line trimmed and blank ones dropped. Not a replace of
 * spaces around each line break by one pattern: that is tried again from every space of a long run
 * without a line break, so its cost was the square of the run's length.
 */
export const oneLine = (text: string): string =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ')
