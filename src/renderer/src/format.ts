// One formatter per language and shape: `n.toLocaleString(lang)` builds a new Intl.NumberFormat on
// every call (~1-10 ms each in Chromium), and the Opening screen's counts alone took ~230 ms of the
// renderer's CPU while a 100,000-recording export opened beside the engine on two cores.
const numberFormats = new Map<string, Intl.NumberFormat>()
function numberFormat(locale: string, digits: number | null): Intl.NumberFormat {
  const key = `${locale}|${digits ?? ''}`
  let f = numberFormats.get(key)
  if (!f) {
    f = new Intl.NumberFormat(locale, digits === null ? undefined : { maximumFractionDigits: digits, minimumFractionDigits: digits })
    numberFormats.set(key, f)
  }
  return f
}

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
