import type { Device } from '../../shared/model/recording'

/**
 * "1,704" as toLocaleString('en-US') writes a whole number, without it: its first call in a process
 * loads ICU's number formats (~50 ms of a scan that states one count). Anything else is left to it.
 */
const grouped = (n: number): string => (Number.isSafeInteger(n) && n >= 0 ? String(n).replace(/\B(?=(\d{3})+$)/g, ',') : n.toLocaleString('en-US'))

/** Counts the way the findings panel shows them: "1 recording", "1,704 recordings". */
export const count = (n: number, one: string, many = `${one}s`): string => `${grouped(n)} ${n === 1 ? one : many}`

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "2 May 2018", in UTC like every time the export gives. */
export const day = (ms: number): string => {
  const d = new Date(ms)
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`
}

/** "between 2 May and 11 Aug 2018", "on 2 May 2018", or '' when no time is known. */
export function dateRange(times: Iterable<number | null>): string {
  let first = Number.POSITIVE_INFINITY
  let last = Number.NEGATIVE_INFINITY
  for (const t of times) {
    if (t === null) continue
    if (t < first) first = t
    if (t > last) last = t
  }
  if (!Number.isFinite(first)) return ''
  const a = day(first)
  const b = day(last)
  if (a === b) return `on ${a}`
  const sameYear = new Date(first).getUTCFullYear() === new Date(last).getUTCFullYear()
  return `between ${sameYear ? a.replace(/ \d{4}$/, '') : a} and ${b}`
}

/** " between …" with its leading space, or nothing: sentences end cleanly when times are unknown. */
export const during = (times: Iterable<number | null>): string => {
  const r = dateRange(times)
  return r ? ` ${r}` : ''
}

/** The same after a finished clause: ", between …". */
export const alsoDuring = (times: Iterable<number | null>): string => {
  const r = dateRange(times)
  return r ? `, ${r}` : ''
}

/** Long serials are shortened like the example, "G090…7Q2": enough to match a sticker. */
const shortSerial = (s: string): string => (s.length > 10 ? `${s.slice(0, 4)}…${s.slice(-3)}` : s)

/** A device as the app's translations name it: its name, else its type, and the shortened serial. */
export const deviceParams = (d: Pick<Device, 'name' | 'serial' | 'type'>): { device: string | null; deviceType: string | null; serial: string | null } => ({
  device: d.name,
  deviceType: d.type,
  serial: d.serial ? shortSerial(d.serial) : null
})

/** "Device 'Echo Dot' (serial G090…7Q2)". */
export function deviceLabel(d: Pick<Device, 'name' | 'serial' | 'type'>): string {
  const name = d.name ? `Device '${d.name}'` : d.type ? `A device of type ${d.type}` : 'A device'
  return d.serial ? `${name} (serial ${shortSerial(d.serial)})` : name
}

/** "Leipzig, Halle and Dresden"; past `max`, "… and 4 more". */
export function listOf(items: readonly string[], max = 4): string {
  if (items.length === 0) return ''
  const shown = items.slice(0, items.length > max ? max - 1 : max)
  const rest = items.length - shown.length
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`
}

// Made on first use: building it loads ICU data (~10 ms) that a scan without language findings never needs.
let languageNames: Intl.DisplayNames | null | undefined
const displayNames = (): Intl.DisplayNames | null => {
  if (languageNames === undefined) {
    try {
      languageNames = new Intl.DisplayNames(['en'], { type: 'language' })
    } catch {
      languageNames = null
    }
  }
  return languageNames
}

/** "de" → "German"; an unknown code stays as it is. */
export const languageName = (code: string): string => {
  try {
    return displayNames()?.of(code) ?? code
  } catch {
    return code
  }
}
