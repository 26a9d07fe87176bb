import type { Evidence, LetterLang } from '../../../shared/model/complaint'
import { longDate } from '../deadlines'

const pick = (lang: LetterLang, en: string, de: string, fr: string) => (lang === 'de' ? de : lang === 'fr' ? fr : en)

/**
 * 1,698 / 1.698 / 1 698: grouped by hand so the letters read the same whatever the machine's locale.
 * French groups with a no-break space (U+00A0): the PDF's standard fonts have no narrow one.
 */
export function count(n: number, lang: LetterLang): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, pick(lang, ',', '.', '\u00a0'))
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
  const exact = `${count(bytes, lang)} ${pick(lang, 'bytes', 'Bytes', 'octets')}`
  if (i === 0) return exact
  const unit = lang === 'fr' ? units[i]!.replace('B', 'o') : units[i]
  const rounded = v.toFixed(1).replace('.', lang === 'en' ? '.' : ',')
  return `${rounded} ${unit} (${exact})`
}

// Control characters, bidirectional overrides and isolates, zero-width characters and line/paragraph separators.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g

/**
 * A string from the export (a device name, a file name, an account name) as a letter may quote it:
 * one line, without control, bidirectional or zero-width characters, shortened to `max` characters.
 * A crafted export must never put a paragraph, or text running the other way, into a letter.
 */
export function exportText(s: string, max = 60): string {
  const flat = s.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim()
  const chars = [...flat]
  return chars.length > max ? `${chars.slice(0, max - 1).join('').trimEnd()}…` : flat
}

/** The same, in the letter language's quotation marks. */
export function quoted(s: string, lang: LetterLang, max = 60): string {
  const t = exportText(s, max)
  return pick(lang, `“${t}”`, `„${t}“`, `« ${t} »`)
}

/** A device serial shortened to its last four characters, as the bundle does. */
export function shortSerial(serial: string | null): string | null {
  if (!serial) return null
  const s = exportText(serial.replace(/^…/, ''), 64)
  return `…${s.slice(-4)}`
}

export function recordings(n: number, lang: LetterLang): string {
  if (lang === 'de') return n === 1 ? 'eine Sprachaufnahme' : `${count(n, lang)} Sprachaufnahmen`
  if (lang === 'fr') return n === 1 ? 'un enregistrement vocal' : `${count(n, lang)} enregistrements vocaux`
  return n === 1 ? 'one voice recording' : `${count(n, lang)} voice recordings`
}

/** "between 2 May 2018 and 11 August 2018 (UTC)", or '' when no recording has a time. */
export function dateRange(e: Pick<Evidence, 'firstAt' | 'lastAt'>, lang: LetterLang): string {
  const first = e.firstAt?.slice(0, 10)
  const last = e.lastAt?.slice(0, 10)
  if (!first || !last) return ''
  const d = (day: string) => longDate(day, lang)
  if (first === last) return pick(lang, `of ${d(first)} (UTC)`, `vom ${d(first)} (UTC)`, `du ${d(first)} (UTC)`)
  return pick(lang, `made between ${d(first)} and ${d(last)} (UTC)`, `aus der Zeit vom ${d(first)} bis ${d(last)} (UTC)`, `effectués entre le ${d(first)} et le ${d(last)} (UTC)`)
}

/** One line per device: its name (quoted, one line, shortened), its serial shortened, how many recordings. */
export function deviceLines(e: Pick<Evidence, 'foreignDevices'>, lang: LetterLang): string[] {
  return e.foreignDevices.map((d) => {
    const serial = shortSerial(d.serial)
    const s = serial ? pick(lang, ` (serial number ending ${serial})`, ` (Seriennummer endet auf ${serial})`, ` (numéro de série se terminant par ${serial})`) : ''
    return `${quoted(d.name, lang, 48)}${s}${lang === 'fr' ? '\u00a0: ' : ': '}${recordings(d.recordings, lang)}`
  })
}

/**
 * The archive as the letters identify it: name, size and SHA-256. A multipart export lists each
 * part with its own name, size and SHA-256, the values `sha256sum` prints for each file.
 */
export function archiveLine(e: Pick<Evidence, 'archiveName' | 'archiveBytes' | 'archiveSha256' | 'parts'>, lang: LetterLang): string {
  if (e.parts.length > 1) {
    const each = e.parts.map((p) => `${quoted(p.name, lang, 80)}, ${size(p.bytes, lang)}, SHA-256 ${p.sha256}`)
    return `${pick(lang, `(${e.parts.length} parts) `, `(${e.parts.length} Teile) `, `(${e.parts.length} parties) `)}${each.join('; ')}`
  }
  const sha = e.archiveSha256 ?? pick(lang, '(not yet computed)', '(noch nicht berechnet)', '(pas encore calculé)')
  return `${quoted(e.archiveName, lang, 80)}, ${size(e.archiveBytes, lang)}, SHA-256 ${sha}`
}

/**
 * The hash that anchors the evidence to the dated letter: the bundle's root (SHA256SUMS, which
 * lists every other file of the bundle) once the bundle exists; before that the manifest's own.
 */
export function manifestLine(e: Evidence, lang: LetterLang): string {
  if (lang === 'fr') return manifestLineFr(e)
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

/** French kept apart from manifestLine's en/de body, which the evidence bundle's work rewrites. */
function manifestLineFr(e: Evidence): string {
  if (e.rootSha256) return `SHA-256 du fichier racine SHA256SUMS du dossier de preuves (il liste le SHA-256 de tous les autres fichiers du dossier) : ${e.rootSha256}`
  return e.manifestSha256
    ? `SHA-256 de l'inventaire des preuves (manifest.json) : ${e.manifestSha256}`
    : "SHA-256 de l'inventaire des preuves (manifest.json) : [pas encore créé – générer d'abord le dossier de preuves]"
}
