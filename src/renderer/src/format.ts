// Intl objects are made once per language and shape: each costs ~1-10 ms to build in Chromium, and
// `n.toLocaleString(lang)` builds a new one on every call (the Opening screen's counts alone took
// ~230 ms of the renderer's CPU while a 100,000-recording export opened beside the engine on two cores).
const intlMade = new Map<string, unknown>()
/** The Intl formatter known by `key` (its kind, language and options), made by `make` the first time. */
export function intlOnce<T>(key: string, make: () => T): T {
  let f = intlMade.get(key) as T | undefined
  if (f === undefined) intlMade.set(key, (f = make()))
  return f
}

const numberFormat = (locale: string, digits: number | null): Intl.NumberFormat =>
  intlOnce(`number|${locale}|${digits ?? ''}`, () => new Intl.NumberFormat(locale, digits === null ? undefined : { maximumFractionDigits: digits, minimumFractionDigits: digits }))

/** Byte counts as a person reads them, in the UI's language. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1
  return `${numberFormat(locale, digits).format(value)} ${units[unit]}`
}

export function formatCount(n: number, locale: string): string {
  return numberFormat(locale, null).format(n)
}
