/**
 * Calendar days as a person types them in the app's language ('2.5.2018' in German, '5/2/2018' in
 * English), to and from the 'YYYY-MM-DD' the filters keep. The platform's <input type=date> follows
 * the system's locale, not the app's, so the date fields use these instead.
 */
const pad = (n: number) => String(n).padStart(2, '0')

export function isoDay(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d))
  if (y < 1000 || y > 9999 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null
  return `${y}-${pad(m)}-${pad(d)}`
}

/** 'YYYY-MM-DD' → the day as the language writes it, without leading zeros ('' for ''). */
export function formatDay(day: string, lang: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m) return ''
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return lang.startsWith('de') ? `${d}.${mo}.${y}` : `${mo}/${d}/${y}`
}

/** What a person typed → 'YYYY-MM-DD', '' for nothing, null when it is not a day. ISO always works. */
export function parseDay(text: string, lang: string): string | null {
  const s = text.trim()
  if (s === '') return ''
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s)
  if (m) return isoDay(Number(m[1]), Number(m[2]), Number(m[3]))
  if (lang.startsWith('de')) {
    m = /^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})$/.exec(s)
    return m ? isoDay(Number(m[3]), Number(m[2]), Number(m[1])) : null
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s)
  return m ? isoDay(Number(m[3]), Number(m[1]), Number(m[2])) : null
}

/** The pattern shown as a placeholder, in the language's words. */
export const dayPattern = (lang: string): string => (lang.startsWith('de') ? 'TT.MM.JJJJ' : 'MM/DD/YYYY')
