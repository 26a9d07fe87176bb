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
 * The UTC milliseconds of the text in `buf` [start, end), one byte a character, when it is Alexa's
 * 'YYYY-MM-DDTHH:MM:SSZ' form with every field in range (the time toUtcIso reads in that text), else
 * NaN: the caller then reads the text itself. Makes no string (isoOfMs makes the time's text when asked).
 */
export function wholeSecondMsIn(buf: Uint8Array, start: number, end: number): number {
  if (end - start !== 20 || buf[end - 1] !== 0x5a) return Number.NaN
  if (buf[start + 4] !== 0x2d || buf[start + 7] !== 0x2d || buf[start + 10] !== 0x54 || buf[start + 13] !== 0x3a || buf[start + 16] !== 0x3a) return Number.NaN
  const year = digitsIn(buf, start, 4)
  const month = digitsIn(buf, start + 5, 2)
  const day = digitsIn(buf, start + 8, 2)
  const hour = digitsIn(buf, start + 11, 2)
  const minute = digitsIn(buf, start + 14, 2)
  const second = digitsIn(buf, start + 17, 2)
  if (!inRange(year, month, day, hour, minute, second)) return Number.NaN
  return daysFromCivil(year, month, day) * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1000
}

const digit = (n: number): number => 48 + n

// Years 0000 to 9999 (from 0000-01-01 to 10000-01-01), whole milliseconds: what isoOfMs and putIso write from the digits.
const fromDigits = (ms: number): boolean => Number.isInteger(ms) && ms >= -62_167_219_200_000 && ms < 253_402_300_800_000

/** Year, month, day, hour, minute, second and millisecond of the last time `fields` took apart (a scratch, not an object per call). */
const parts = new Int32Array(7)

/** UTC milliseconds (fromDigits) taken apart into `parts`: the civil date by daysFromCivil backwards (proleptic Gregorian, years counted from March). */
function fields(ms: number): void {
  const days = Math.floor(ms / 86_400_000)
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = ((doe - ((doe / 1460) | 0) + ((doe / 36_524) | 0) - ((doe / 146_096) | 0)) / 365) | 0
  const doy = doe - (365 * yoe + ((yoe / 4) | 0) - ((yoe / 100) | 0))
  const mp = ((5 * doy + 2) / 153) | 0
  const month = mp < 10 ? mp + 3 : mp - 9
  parts[0] = yoe + era * 400 + (month <= 2 ? 1 : 0)
  parts[1] = month
  parts[2] = doy - (((153 * mp + 2) / 5) | 0) + 1
  clock(ms - days * 86_400_000)
}

/** Milliseconds into a day taken apart into parts[3..6]: hour, minute, second, millisecond. */
function clock(rest: number): void {
  // (Below a day every quantity fits 32 bits: integer division by `| 0`, cheaper than Math.floor of doubles.)
  const hour = (rest / 3_600_000) | 0
  rest -= hour * 3_600_000
  const minute = (rest / 60_000) | 0
  rest -= minute * 60_000
  const second = (rest / 1000) | 0
  parts[3] = hour
  parts[4] = minute
  parts[5] = second
  parts[6] = rest - second * 1000
}

/**
 * `new Date(ms).toISOString()` ('YYYY-MM-DDTHH:MM:SS.sssZ') for whole UTC milliseconds of years
 * 0000-9999, from the digits as one flat string made at once (the Date's own took ~1.5 us a call
 * here, for 100,000 recordings' times; bytes sliced out of a buffer ~0.7 us); other times through the Date.
 */
export function isoOfMs(ms: number): string {
  if (!fromDigits(ms)) return new Date(ms).toISOString()
  fields(ms)
  const year = parts[0]!
  const month = parts[1]!
  const day = parts[2]!
  const hour = parts[3]!
  const minute = parts[4]!
  const second = parts[5]!
  const milli = parts[6]!
  // prettier-ignore
  return String.fromCharCode(
    digit(Math.floor(year / 1000)), digit(Math.floor(year / 100) % 10), digit(Math.floor(year / 10) % 10), digit(year % 10), 0x2d,
    digit(Math.floor(month / 10)), digit(month % 10), 0x2d, digit(Math.floor(day / 10)), digit(day % 10), 0x54,
    digit(Math.floor(hour / 10)), digit(hour % 10), 0x3a, digit(Math.floor(minute / 10)), digit(minute % 10), 0x3a,
    digit(Math.floor(second / 10)), digit(second % 10), 0x2e, digit(Math.floor(milli / 100)), digit(Math.floor(milli / 10) % 10), digit(milli % 10), 0x5a
  )
}

/** Longest text putIso writes: isoOfMs's for any time a Date holds ('+275760-09-13T00:00:00.000Z'). */
export const ISO_MAX = 27

/** `count` digits of `n` at b[at..]. */
function putDigits(b: Uint8Array, at: number, n: number, count: number): void {
  for (let i = at + count - 1; i >= at; i--) {
    const tenth = (n / 10) | 0
    b[i] = digit(n - tenth * 10)
    n = tenth
  }
}

/** The date part ('YYYY-MM-DD') of the day putIso wrote last: a run of recordings of one day takes its 10 bytes from here. */
const lastDate = new Uint8Array(10)
let lastDay = Number.NaN

/** Two digits of each number below 100, as character codes: TWO_DIGITS[2n] and TWO_DIGITS[2n + 1]. */
const TWO_DIGITS = Uint8Array.from({ length: 200 }, (_, i) => digit(i & 1 ? (i >> 1) % 10 : Math.floor((i >> 1) / 10)))
const put2 = (b: Uint8Array, at: number, n: number): void => {
  b[at] = TWO_DIGITS[2 * n]!
  b[at + 1] = TWO_DIGITS[2 * n + 1]!
}

/** isoOfMs(ms) as ASCII bytes at b[at..] (room for ISO_MAX), without making the string; answers where it ends. */
export function putIso(ms: number, b: Uint8Array, at: number): number {
  if (!fromDigits(ms)) {
    const text = new Date(ms).toISOString()
    for (let i = 0; i < text.length; i++) b[at + i] = text.charCodeAt(i)
    return at + text.length
  }
  const day = Math.floor(ms / 86_400_000)
  if (day !== lastDay) {
    fields(ms)
    putDigits(lastDate, 0, parts[0]!, 4)
    lastDate[4] = 0x2d
    putDigits(lastDate, 5, parts[1]!, 2)
    lastDate[7] = 0x2d
    putDigits(lastDate, 8, parts[2]!, 2)
    lastDay = day
  }
  b.set(lastDate, at)
  b[at + 10] = 0x54
  clock(ms - day * 86_400_000)
  put2(b, at + 11, parts[3]!)
  b[at + 13] = 0x3a
  put2(b, at + 14, parts[4]!)
  b[at + 16] = 0x3a
  put2(b, at + 17, parts[5]!)
  b[at + 19] = 0x2e
  putDigits(b, at + 20, parts[6]!, 3)
  b[at + 23] = 0x5a
  return at + 24
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

