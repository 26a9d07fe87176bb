import { SUPERVISORY_AUTHORITY_RECORDS } from './data/records'
import { FRENCH_AUTHORITY_NAMES, GERMAN_AUTHORITY_NAMES } from './data/authority-names'

/** The datenanfragen/data snapshot the records come from (see data/ATTRIBUTION.md). */
export const DIRECTORY_SNAPSHOT = { repo: 'datenanfragen/data', commit: '0a29c3d6feee53b02e73204a3dbd312eafe56629', date: '2026-07-21' } as const

/** One record as the schema (data/schema-supervisory-authorities.json) has it. */
export interface AuthorityRecord {
  slug: string
  'relevant-countries': string[]
  name: string
  address: string
  phone?: string
  fax?: string
  email?: string
  webform?: string
  'pgp-fingerprint'?: string
  'pgp-url'?: string
  web?: string
  sources: string[]
  'complaint-language'?: string
  'suggested-transport-medium'?: 'fax' | 'letter' | 'email'
  comments?: string[]
}

/** An authority as the letters and the wizard show it. */
export interface Authority {
  slug: string
  name: string
  /** Postal address, one line each; the last line is the country. */
  address: string[]
  email: string | null
  webform: string | null
  web: string | null
  phone: string | null
  pgpFingerprint: string | null
  pgpUrl: string | null
  /** ISO 639-1 language complaints should be written in, when the record says. */
  complaintLanguage: string | null
  suggestedTransport: 'fax' | 'letter' | 'email' | null
  /** How old the data is: the record's last change where we know it, else the snapshot's date. */
  dataDate: string
  dataSource: string
}

// The records carry no date of their own. Where the upstream history was read (complaint.md §2.1)
// we keep the record's last change; every other record is dated by the snapshot.
const LAST_CHANGED: Record<string, string> = { lucnpd: '2023-02-27' }

const records = SUPERVISORY_AUTHORITY_RECORDS as readonly AuthorityRecord[]
const bySlug = new Map(records.map((r) => [r.slug, r]))

export function authorityRecords(): readonly AuthorityRecord[] {
  return records
}

export function authority(slug: string): Authority {
  const r = bySlug.get(slug)
  if (!r) throw new Error(`No supervisory authority with the slug ${slug} in the bundled directory.`)
  const changed = LAST_CHANGED[slug]
  return {
    slug: r.slug,
    name: r.name,
    address: r.address.split('\n').map((l) => l.trim()).filter(Boolean),
    email: r.email ?? null,
    webform: r.webform ?? null,
    web: r.web ?? null,
    phone: r.phone ?? null,
    pgpFingerprint: r['pgp-fingerprint'] ?? null,
    pgpUrl: r['pgp-url'] ?? null,
    complaintLanguage: r['complaint-language'] ?? null,
    suggestedTransport: r['suggested-transport-medium'] ?? null,
    dataDate: changed ?? DIRECTORY_SNAPSHOT.date,
    dataSource: changed
      ? `${DIRECTORY_SNAPSHOT.repo} supervisory-authorities/${slug}.json, last changed ${changed} (snapshot ${DIRECTORY_SNAPSHOT.commit.slice(0, 7)})`
      : `${DIRECTORY_SNAPSHOT.repo} supervisory-authorities/${slug}.json, snapshot ${DIRECTORY_SNAPSHOT.commit.slice(0, 7)} of ${DIRECTORY_SNAPSHOT.date}`
  }
}

/**
 * The German states and the authority that supervises private companies there. Keys are the region
 * values of ComplaintFacts (the wizard's list in renderer/complaint/places.ts); ISO 3166-2 codes are
 * accepted too. Bavaria splits its supervision: debaylda for private bodies, debayldb for public ones.
 */
export const GERMAN_REGIONS: readonly { key: string; iso: string; en: string; de: string; slug: string }[] = [
  { key: 'bw', iso: 'bw', en: 'Baden-Württemberg', de: 'Baden-Württemberg', slug: 'debawueldb' },
  { key: 'bay', iso: 'by', en: 'Bavaria', de: 'Bayern', slug: 'debaylda' },
  { key: 'berl', iso: 'be', en: 'Berlin', de: 'Berlin', slug: 'deberlbdi' },
  { key: 'bra', iso: 'bb', en: 'Brandenburg', de: 'Brandenburg', slug: 'debralda' },
  { key: 'bre', iso: 'hb', en: 'Bremen', de: 'Bremen', slug: 'debrelfdi' },
  { key: 'hmb', iso: 'hh', en: 'Hamburg', de: 'Hamburg', slug: 'dehmbbfdi' },
  { key: 'hess', iso: 'he', en: 'Hesse', de: 'Hessen', slug: 'dehessbdi' },
  { key: 'mv', iso: 'mv', en: 'Mecklenburg-Western Pomerania', de: 'Mecklenburg-Vorpommern', slug: 'demvldi' },
  { key: 'nds', iso: 'ni', en: 'Lower Saxony', de: 'Niedersachsen', slug: 'dendslfd' },
  { key: 'nrw', iso: 'nw', en: 'North Rhine-Westphalia', de: 'Nordrhein-Westfalen', slug: 'denrwldi' },
  { key: 'rlp', iso: 'rp', en: 'Rhineland-Palatinate', de: 'Rheinland-Pfalz', slug: 'derlpbdi' },
  { key: 'saar', iso: 'sl', en: 'Saarland', de: 'Saarland', slug: 'desaarudz' },
  { key: 'sachs', iso: 'sn', en: 'Saxony', de: 'Sachsen', slug: 'desaechsdsb' },
  { key: 'sa', iso: 'st', en: 'Saxony-Anhalt', de: 'Sachsen-Anhalt', slug: 'desalbd' },
  { key: 'sh', iso: 'sh', en: 'Schleswig-Holstein', de: 'Schleswig-Holstein', slug: 'deshuld' },
  { key: 'th', iso: 'th', en: 'Thuringia', de: 'Thüringen', slug: 'detlfdi' }
]

export function germanRegion(region: string): (typeof GERMAN_REGIONS)[number] | null {
  const r = region.trim().toLowerCase().replace(/^de-/, '')
  if (!r) return null
  return GERMAN_REGIONS.find((g) => g.key === r) ?? GERMAN_REGIONS.find((g) => g.iso === r) ?? GERMAN_REGIONS.find((g) => g.en.toLowerCase() === r || g.de.toLowerCase() === r) ?? null
}

// Germany's sectoral and church authorities share its country code but never take a private
// person's complaint about a company; outside Germany each country has one general authority.
const NOT_GENERAL = new Set(['debfdi', 'debayldb', 'derf', 'derfdw', 'deekdbfd', 'dekathbayddsb', 'dekathdsz', 'dekathffdsz', 'dekathnordddsb', 'dekathostddsb'])

/** The general authority of a country outside Germany, or null when the directory has none. */
export function nationalAuthoritySlug(country: string): string | null {
  const c = country.toLowerCase()
  if (c === 'de') return null
  const hits = records.filter((r) => r['relevant-countries'].includes(c) && !NOT_GENERAL.has(r.slug))
  return hits.length === 1 ? hits[0]!.slug : null
}

// The names people know these authorities by; the records only carry the full official name.
const SHORT: Record<string, string> = {
  lucnpd: 'CNPD (Luxembourg)',
  iedpc: 'Data Protection Commission (Ireland)',
  gbico: 'ICO',
  frcnil: 'CNIL',
  debfdi: 'BfDI',
  debaylda: 'BayLDA'
}

/** A short name for running text; the full name stays in the address. */
export function shortName(a: Pick<Authority, 'slug' | 'name'>): string {
  return SHORT[a.slug] ?? a.name
}

/**
 * An authority's name in running text, declined as the sentence needs: German from the declension
 * table (data/authority-names.ts), French with its article, English as the short name with "the".
 * An authority without an entry falls back to its record's name, without an article.
 */
export function authorityIn(a: Pick<Authority, 'slug' | 'name'>, lang: 'en' | 'de' | 'fr', kase: 'nom' | 'dat' = 'nom'): string {
  if (lang === 'de') {
    const n = GERMAN_AUTHORITY_NAMES[a.slug]
    return n ? n[kase] : a.name
  }
  if (lang === 'fr') return FRENCH_AUTHORITY_NAMES[a.slug]?.nom ?? a.name
  const short = shortName(a)
  return short === a.name && /^the /i.test(a.name) ? a.name : `the ${short}`
}

/** "beim Bayerischen Landesamt …", "bei der Berliner Beauftragten …": bei + dative, contracted as German writes it. */
export function beiAuthority(a: Pick<Authority, 'slug' | 'name'>): string {
  const dat = authorityIn(a, 'de', 'dat')
  return dat.startsWith('dem ') ? `beim ${dat.slice(4)}` : `bei ${dat}`
}
