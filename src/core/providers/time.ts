// ISO 8601 and the common 'YYYY-MM-DD HH:MM:SS' form; a missing zone means UTC (formats.md).
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i

/** A timestamp as the export wrote it, to UTC ISO with Z; null when it is not a time we can read. */
export function toUtcIso(text: string): string | null {
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

