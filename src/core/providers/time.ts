// ISO 8601 and the common 'YYYY-MM-DD HH:MM:SS' form; a missing zone means UTC (formats.md).
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i

/** The number of `count` digits at `at`, or -1 when any of them is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let n = 0
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - 48
    if (d < 0 || d > 9) return -1
    n = n * 10 + d
  }
  return n
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
/**
 * 1 in a leap year, else 0. Every test runs for every year (no branch taken only some years): a
 * branch V8 first met in February or in a leap year, after it had optimised the row's code, threw that code away.
 */
const leapDay = (y: number): number => (y % 4 === 0 ? 1 : 0) - (y % 100 === 0 ? 1 : 0) + (y % 400 === 0 ? 1 : 0)

/**
 * 'YYYY-MM-DDTHH:MM:SSZ' (Alexa) and 'YYYY-MM-DDTHH:MM:SS.mmmZ' (Takeout) read by their fixed
 * positions, without a Date: the answer when every field is in range, else null for the general
 * path below to decide (a leap second, hour 24, anything unusual). 100,000 rows call this.
 */
function fixedIso(text: string): string | null {
  const long = text.length === 24
  if (!(long || text.length === 20) || text.charCodeAt(text.length - 1) !== 0x5a) return null
  if (text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d || text.charCodeAt(10) !== 0x54 || text.charCodeAt(13) !== 0x3a || text.charCodeAt(16) !== 0x3a) return null
  if (long && (text.charCodeAt(19) !== 0x2e || digitsAt(text, 20, 3) < 0)) return null
  if (!inRange(digitsAt(text, 0, 4), digitsAt(text, 5, 2), digitsAt(text, 8, 2), digitsAt(text, 11, 2), digitsAt(text, 14, 2), digitsAt(text, 17, 2))) return null
  // Joined, not concatenated: one flat string, where `${a}${b}` would keep a pair of pieces per recording.
  return long ? text : [text.slice(0, 19), '.000Z'].join('')
}

/** Each field of a fixed-position time in range (a negative one had a non-digit), and the day in its month. */
function inRange(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false
  return day <= DAYS[month - 1]! + (month === 2 ? 1 : 0) * leapDay(year)
}

/** digitsAt over bytes. */
function digitsIn(buf: Uint8Array, at: number, count: number): number {
  let n = 0
  for (let i = at; i < at + count; i++) {
    const d = buf[i]! - 48
    if (d < 0 || d > 9) return -1
    n = n * 10 + d
  }
  return n
}

/** Days from 1970-01-01 to the date (proleptic Gregorian, as Date.parse reads every 4-digit year). */
function daysFromCivil(year: number, month: number, day: number): number {
  // Years counted from March (January and February end the year before): no arithmetic only some months run.
  const early = month <= 2 ? 1 : 0
  const y = year - early
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month - 3 + 12 * early) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/**
 * The UTC milliseconds of the last time wholeSecondIso answered (a scratch cell, not a pair object
 * per row): Date.parse of its answer, from the digits it read anyway.
 */
export const wholeSecondMs = new Float64Array(1)

/** Where the ISO text of a whole-second time is put together: one string made from it, no pieces. */
const isoBytes = Buffer.from('0000-00-00T00:00:00.000Z', 'latin1') as Buffer & { latin1Slice(start: number, end: number): string }

/**
 * toUtcIso of the text in `buf` [start, end), one byte a character, when it is Alexa's 'YYYY-MM-DDTHH:MM:SSZ' form
 * with every field in range (the answer fixedIso gives that text), else null: the caller then
 * reads the text itself. Makes only the answer, read from the bytes without the text.
 */
export function wholeSecondIso(buf: Uint8Array, start: number, end: number): string | null {
  if (end - start !== 20 || buf[end - 1] !== 0x5a) return null
  if (buf[start + 4] !== 0x2d || buf[start + 7] !== 0x2d || buf[start + 10] !== 0x54 || buf[start + 13] !== 0x3a || buf[start + 16] !== 0x3a) return null
  const year = digitsIn(buf, start, 4)
  const month = digitsIn(buf, start + 5, 2)
  const day = digitsIn(buf, start + 8, 2)
  const hour = digitsIn(buf, start + 11, 2)
  const minute = digitsIn(buf, start + 14, 2)
  const second = digitsIn(buf, start + 17, 2)
  if (!inRange(year, month, day, hour, minute, second)) return null
  wholeSecondMs[0] = daysFromCivil(year, month, day) * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1000
  for (let k = 0; k < 19; k++) isoBytes[k] = buf[start + k]!
  return isoBytes.latin1Slice(0, 24)
}

/** A timestamp as the export wrote it, to UTC ISO with Z; null when it is not a time we can read. */
export function toUtcIso(text: string): string | null {
  const fixed = fixedIso(text)
  if (fixed !== null) return fixed
  // The form Takeout and most CSVs write ('2023-11-05T07:15:33.123Z') is its own answer when it reads back the same.
  if (text.length === 24 && text.charCodeAt(23) === 0x5a) {
    const t = Date.parse(text)
    if (!Number.isNaN(t)) {
      const iso = new Date(t).toISOString()
      if (iso === text) return iso
    }
  }
  // Alexa's voice history writes whole seconds ('2023-11-05T07:15:33Z'): the same check, without the regex.
  if (text.length === 20 && text.charCodeAt(19) === 0x5a && text.charCodeAt(10) === 0x54) {
    const t = Date.parse(text)
    if (!Number.isNaN(t)) {
      const iso = new Date(t).toISOString()
      if (iso.startsWith(text.slice(0, 19))) return iso
    }
  }
  const m = DATE_TIME.exec(text.trim())
  if (!m) return null
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone = ''] = m
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0
  let offsetMin = 0
  if (zone && /^[+-]/.test(zone)) {
    const digits = zone.replace(':', '')
    offsetMin = (digits[0] === '-' ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0'))
  }
  const month = Number(mo)
  const day = Number(d)
  const hour = Number(h)
  const minute = Number(mi)
  const second = Number(s)
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null
  const t = Date.UTC(Number(y), month - 1, day, hour, minute, second, ms) - offsetMin * 60_000
  const date = new Date(t)
  // Date.UTC rolls 31 February into March; a day that does not exist is not a time.
  if (new Date(Date.UTC(Number(y), month - 1, day)).getUTCDate() !== day) return null
  return date.toISOString()
}

