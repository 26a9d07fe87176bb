const pad = (n: number, width = 2) => String(n).padStart(width, '0')

// Archives tend to repeat one timestamp for thousands of entries.
let lastKey = -1
let lastText: string | null = null

/** A DOS date/time pair as written by the archiver, in its local time; null when the fields are not a date. */
export function dosLocalTime(date: number, time: number): string | null {
  const key = date * 0x10000 + time
  if (key !== lastKey) {
    lastKey = key
    lastText = formatDos(date, time)
  }
  return lastText
}

function formatDos(date: number, time: number): string | null {
  const day = date & 0x1f
  const month = (date >> 5) & 0x0f
  const year = ((date >> 9) & 0x7f) + 1980
  const seconds = (time & 0x1f) * 2
  const minutes = (time >> 5) & 0x3f
  const hours = (time >> 11) & 0x1f
  if (day < 1 || month < 1 || month > 12 || hours > 23 || minutes > 59 || seconds > 59) return null
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hours)}:${pad(minutes)}:${pad(seconds)}`
}

/** An absolute instant (tar mtime, a file's mtime) written as UTC wall time, so it never depends on this machine's zone. */
export function utcLocalTime(at: Date | number | undefined | null): string | null {
  if (at === undefined || at === null) return null
  const d = typeof at === 'number' ? new Date(at) : at
  if (Number.isNaN(d.getTime())) return null
  const year = d.getUTCFullYear()
  if (year < 0 || year > 9999) return null
  return `${pad(year, 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}
