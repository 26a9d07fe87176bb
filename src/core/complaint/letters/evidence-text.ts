import type { EvidenceSummary, LetterLang } from '../../../shared/model/complaint'
import { longDate } from '../deadlines'

/** 1,698 / 1.698: grouped by hand so the letters read the same whatever the machine's locale. */
export function count(n: number, lang: LetterLang): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'de' ? '.' : ',')
}

/** "104.9 MB (104,857,600 bytes)": the rounded size for reading, the exact one for matching. */
export function size(bytes: number, lang: LetterLang): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB']
  let v = bytes
  let i = 0
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000
    i++
  }
  const exact = `${count(bytes, lang)} ${lang === 'de' ? 'Bytes' : 'bytes'}`
  if (i === 0) return exact
  const rounded = v.toFixed(1).replace('.', lang === 'de' ? ',' : '.')
  return `${rounded} ${units[i]} (${exact})`
}

/** A device serial shortened to its last four characters, as the bundle does. */
export function shortSerial(serial: string | null): string | null {
  if (!serial) return null
  const s = serial.replace(/^…/, '')
  return `…${s.slice(-4)}`
}

export function recordings(n: number, lang: LetterLang): string {
  if (lang === 'de') return n === 1 ? 'eine Sprachaufnahme' : `${count(n, lang)} Sprachaufnahmen`
  return n === 1 ? 'one voice recording' : `${count(n, lang)} voice recordings`
}

/** "between 2 May 2018 and 11 August 2018 (UTC)", or '' when no recording has a time. */
export function dateRange(e: EvidenceSummary, lang: LetterLang): string {
  const first = e.firstAt?.slice(0, 10)
  const last = e.lastAt?.slice(0, 10)
  if (!first || !last) return ''
  if (first === last) return lang === 'de' ? `vom ${longDate(first, lang)} (UTC)` : `of ${longDate(first, lang)} (UTC)`
  return lang === 'de' ? `aus der Zeit vom ${longDate(first, lang)} bis ${longDate(last, lang)} (UTC)` : `made between ${longDate(first, lang)} and ${longDate(last, lang)} (UTC)`
}

/** One line per device: its name, its serial shortened, how many recordings. */
export function deviceLines(e: EvidenceSummary, lang: LetterLang): string[] {
  return e.foreignDevices.map((d) => {
    const serial = shortSerial(d.serial)
    const s = serial ? (lang === 'de' ? ` (Seriennummer endet auf ${serial})` : ` (serial number ending ${serial})`) : ''
    return `${d.name}${s}: ${recordings(d.recordings, lang)}`
  })
}

/** The archive as the letters identify it: name, size and SHA-256. */
export function archiveLine(e: EvidenceSummary, lang: LetterLang): string {
  const sha = e.archiveSha256 ?? (lang === 'de' ? '(noch nicht berechnet)' : '(not yet computed)')
  return lang === 'de' ? `„${e.archiveName}“, ${size(e.archiveBytes, lang)}, SHA-256 ${sha}` : `“${e.archiveName}”, ${size(e.archiveBytes, lang)}, SHA-256 ${sha}`
}

/**
 * The hash that anchors the evidence to the dated letter: the bundle's root (SHA256SUMS, which
 * lists every other file of the bundle) once the bundle exists; before that the manifest's own.
 */
export function manifestLine(e: EvidenceSummary, lang: LetterLang): string {
  if (e.rootSha256) {
    return lang === 'de'
      ? `SHA-256 der Prüfsummendatei SHA256SUMS des Beweispakets (sie führt die SHA-256 aller übrigen Dateien des Pakets): ${e.rootSha256}`
      : `SHA-256 of the evidence bundle's root file SHA256SUMS (which lists the SHA-256 of every other file of the bundle): ${e.rootSha256}`
  }
  if (e.manifestSha256) return lang === 'de' ? `SHA-256 des Beweisverzeichnisses (manifest.json): ${e.manifestSha256}` : `SHA-256 of the evidence manifest (manifest.json): ${e.manifestSha256}`
  return lang === 'de'
    ? 'SHA-256 des Beweisverzeichnisses (manifest.json): [noch nicht erstellt – erst das Beweispaket erzeugen]'
    : 'SHA-256 of the evidence manifest (manifest.json): [not yet created – make the evidence bundle first]'
}
