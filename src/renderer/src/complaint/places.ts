/**
 * Countries a complaint can be filed from (EEA, the UK and Switzerland), with their names in the
 * UI's language from Intl, and the German states whose authority takes a resident's complaint.
 * The state slugs are the region keys the authority picker reads (core/complaint).
 */
export const COUNTRIES = ['at', 'be', 'bg', 'ch', 'cy', 'cz', 'de', 'dk', 'ee', 'es', 'fi', 'fr', 'gb', 'gr', 'hr', 'hu', 'ie', 'is', 'it', 'li', 'lt', 'lu', 'lv', 'mt', 'nl', 'no', 'pl', 'pt', 'ro', 'se', 'si', 'sk'] as const

export function countryName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code.toUpperCase()) ?? code.toUpperCase()
  } catch {
    return code.toUpperCase()
  }
}

export const GERMAN_STATES: { slug: string; en: string; de: string }[] = [
  { slug: 'bw', en: 'Baden-Württemberg', de: 'Baden-Württemberg' },
  { slug: 'bay', en: 'Bavaria', de: 'Bayern' },
  { slug: 'berl', en: 'Berlin', de: 'Berlin' },
  { slug: 'bra', en: 'Brandenburg', de: 'Brandenburg' },
  { slug: 'bre', en: 'Bremen', de: 'Bremen' },
  { slug: 'hmb', en: 'Hamburg', de: 'Hamburg' },
  { slug: 'hess', en: 'Hesse', de: 'Hessen' },
  { slug: 'mv', en: 'Mecklenburg-Western Pomerania', de: 'Mecklenburg-Vorpommern' },
  { slug: 'nds', en: 'Lower Saxony', de: 'Niedersachsen' },
  { slug: 'nrw', en: 'North Rhine-Westphalia', de: 'Nordrhein-Westfalen' },
  { slug: 'rlp', en: 'Rhineland-Palatinate', de: 'Rheinland-Pfalz' },
  { slug: 'saar', en: 'Saarland', de: 'Saarland' },
  { slug: 'sachs', en: 'Saxony', de: 'Sachsen' },
  { slug: 'sa', en: 'Saxony-Anhalt', de: 'Sachsen-Anhalt' },
  { slug: 'sh', en: 'Schleswig-Holstein', de: 'Schleswig-Holstein' },
  { slug: 'th', en: 'Thuringia', de: 'Thüringen' }
]
