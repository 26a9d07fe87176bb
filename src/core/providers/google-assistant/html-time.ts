// Takeout's HTML shows local time with a zone abbreviation; these are the ones its locales print.
const ZONES: Record<string, number> = {
  UTC: 0, GMT: 0, WET: 0, WEZ: 0, WEST: 60, WESZ: 60, BST: 60, IST: 60, CET: 60, MEZ: 60, CEST: 120, MESZ: 120,
  EET: 120, OEZ: 120, EEST: 180, OESZ: 180, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360,
  PST: -480, PDT: -420, AKST: -540, AKDT: -480, HST: -600
}
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const MONTHS_DE: Record<string, number> = { jän: 1, mär: 3, mai: 5, okt: 10, dez: 12 }

const monthOf = (name: string): number | null => {
  const key = name.toLowerCase().slice(0, 3)
  const i = MONTHS.indexOf(key)
  return i >= 0 ? i + 1 : (MONTHS_DE[key] ?? null)
}

function zoneMinutes(zone: string): number | null {
  const upper = zone.toUpperCase()
  if (upper in ZONES) return ZONES[upper]!
  const m = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(upper)
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : null
}

const EN = /^([A-Za-zä]{3,9})\.? (\d{1,2}), (\d{4}),? (\d{1,2}):(\d{2}):(\d{2}) ?(AM|PM)? (\S+)$/i
const DAY_FIRST = /^(\d{1,2})\.? ([A-Za-zä]{3,9})\.? (\d{4}),? (\d{1,2}):(\d{2}):(\d{2}) ?(AM|PM)? (\S+)$/i
const NUMERIC = /^(\d{1,2})\.(\d{1,2})\.(\d{4}),? (\d{1,2}):(\d{2}):(\d{2}) (\S+)$/

export type HtmlTime = { utc: string } | { error: string } | null

/** A time line of the HTML twin ('Nov 5, 2023, 8:15:30 AM CET', '05.11.2023, 08:15:30 MEZ') in UTC; null if the line is no time. */
export function readHtmlTime(line: string): HtmlTime {
  const text = line.replace(/[\u00a0\u202f\s]+/g, ' ').trim()
  let y: number, mo: number | null, d: number, h: number, mi: number, s: number, ampm: string | undefined, zone: string
  let m = EN.exec(text)
  if (m) [mo, d, y, h, mi, s, ampm, zone] = [monthOf(m[1]!), +m[2]!, +m[3]!, +m[4]!, +m[5]!, +m[6]!, m[7], m[8]!]
  else if ((m = DAY_FIRST.exec(text))) [d, mo, y, h, mi, s, ampm, zone] = [+m[1]!, monthOf(m[2]!), +m[3]!, +m[4]!, +m[5]!, +m[6]!, m[7], m[8]!]
  else if ((m = NUMERIC.exec(text))) [d, mo, y, h, mi, s, zone] = [+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +m[6]!, m[7]!]
  else return null
  if (mo === null) return null
  if (ampm) h = (h % 12) + (ampm.toUpperCase() === 'PM' ? 12 : 0)
  const offset = zoneMinutes(zone)
  if (offset === null) return { error: `the time "${text}" has a zone we do not know (${zone})` }
  return { utc: new Date(Date.UTC(y, mo - 1, d, h, mi, s) - offset * 60_000).toISOString() }
}
