import type { ComplaintFacts, LetterLang } from '../../shared/model/complaint'
import { authority, authorityIn, germanRegion, nationalAuthoritySlug, shortName, type Authority } from './authorities'
import { controllerOf } from './controllers'

export interface AuthorityChoice {
  /** Where the person files: the Art. 77 complaint and the breach report go here. */
  complaint: Authority
  /** The controller's lead supervisory authority (Art. 56), when we know it. */
  lead: Authority | null
  /** Why `complaint`, in the facts' language. */
  reason: string
  /** Why `lead`, in the facts' language; '' without one. */
  leadReason: string
  /** What the person should know about the choice (a missing state, UK or Swiss law …). */
  notes: string[]
}

export class NoAuthorityError extends Error {
  override readonly name = 'NoAuthorityError'
}

const say = (lang: LetterLang, en: string, de: string, fr?: string) => (lang === 'de' ? de : lang === 'fr' ? (fr ?? en) : en)

/**
 * The authority for the person's complaint and the controller's lead authority. Art. 77(1) lets a
 * person complain where they live; in Germany that is the state authority of their residence when
 * the company sits outside Germany (datenanfragen's SvaFinder asks the same questions), and the
 * BfDI only for federal bodies and telecom or postal companies.
 */
export function pickAuthorities(facts: ComplaintFacts): AuthorityChoice {
  const lang = facts.lang
  const controller = controllerOf(facts.controller, facts.service)
  const country = facts.person.country.toLowerCase()
  const notes: string[] = []
  const lead = controller.lead && country !== 'gb' && country !== 'ch' ? authority(controller.lead) : null
  const leadReason = lead
    ? say(
        lang,
        `${controller.legalName} has its main establishment in ${countryName(controller.seatCountry, 'en')}, so ${short(lead)} is its lead supervisory authority (Art. 56 GDPR); your authority passes the case on to it (Art. 60).`,
        `${controller.legalName} hat seine Hauptniederlassung in ${countryName(controller.seatCountry, 'de')}; federführende Aufsichtsbehörde ist daher ${authorityIn(lead, 'de')} (Art. 56 DSGVO). Ihre Behörde gibt den Fall dorthin weiter (Art. 60).`,
        `${controller.legalName} a son établissement principal ${countryName(controller.seatCountry, 'fr')} ; ${authorityIn(lead, 'fr')} est donc son autorité chef de file (art. 56 du RGPD) ; votre autorité lui transmet le dossier (art. 60).`
      )
    : ''

  let complaint: Authority
  let reason: string
  if (country === 'de') {
    const region = germanRegion(facts.person.region)
    if (controller.federalSupervision) {
      complaint = authority('debfdi')
      reason = say(lang, 'The BfDI supervises federal bodies and telecom and postal companies.', 'Die BfDI ist für Bundesbehörden sowie Telekommunikations- und Postunternehmen zuständig.')
    } else if (region) {
      complaint = authority(region.slug)
      reason =
        controller.seatCountry && controller.seatCountry !== 'de'
          ? say(
              lang,
              `You live in ${region.en} and ${controller.legalName} is not based in Germany: the state authority of your residence takes your complaint (Art. 77(1) GDPR).`,
              `Sie wohnen in ${region.de}, und ${controller.legalName} sitzt nicht in Deutschland: Ihre Beschwerde nimmt die Aufsichtsbehörde Ihres Bundeslandes an (Art. 77 Abs. 1 DSGVO).`
            )
          : say(
              lang,
              `You live in ${region.en}: the state authority of your residence takes your complaint (Art. 77(1) GDPR).`,
              `Sie wohnen in ${region.de}: Ihre Beschwerde nimmt die Aufsichtsbehörde Ihres Bundeslandes an (Art. 77 Abs. 1 DSGVO).`
            )
      if (controller.seatCountry === null) {
        notes.push(
          say(
            lang,
            "If the company is based in Germany, the authority of the company's state is responsible instead.",
            'Sitzt das Unternehmen in Deutschland, ist stattdessen die Behörde des Bundeslandes zuständig, in dem es sitzt.'
          )
        )
      }
    } else {
      // Without the state there is no local authority to name; the lead authority also takes complaints.
      complaint = lead ?? authority('debfdi')
      reason = say(
        lang,
        'Your German state is not given, so this is the authority that can take the complaint without it.',
        'Ihr Bundesland fehlt; diese Behörde kann die Beschwerde auch ohne diese Angabe annehmen.'
      )
      notes.push(say(lang, 'Give your state (Land) to file with the authority near you, in German.', 'Geben Sie Ihr Bundesland an, um bei der Behörde in Ihrer Nähe auf Deutsch einzureichen.'))
    }
  } else {
    const slug = nationalAuthoritySlug(country)
    if (slug) {
      complaint = authority(slug)
      reason = say(
        lang,
        `You live in ${countryName(country, 'en')}: its authority takes your complaint (Art. 77(1) GDPR).`,
        `Sie wohnen in ${countryName(country, 'de')}: Die dortige Behörde nimmt Ihre Beschwerde an (Art. 77 Abs. 1 DSGVO).`,
        `Vous résidez ${countryName(country, 'fr')} : son autorité reçoit votre réclamation (art. 77, § 1, du RGPD).`
      )
    } else if (lead) {
      complaint = lead
      reason = say(lang, 'No authority of your country is in the directory; the lead authority takes complaints directly.', 'Für Ihr Land ist keine Behörde verzeichnet; die federführende Behörde nimmt Beschwerden direkt an.')
    } else {
      throw new NoAuthorityError(say(lang, `No supervisory authority is known for the country "${country}".`, `Für das Land „${country}“ ist keine Aufsichtsbehörde bekannt.`))
    }
  }
  if (country === 'gb') {
    notes.push(
      say(
        lang,
        'You live in the UK: the UK GDPR and the Data Protection Act 2018 as amended by the Data (Use and Access) Act 2025 apply (same article numbers; no EU deadline regulation). Under s. 164A DPA 2018 you complain to the company first (the notice is that complaint; it must acknowledge it within 30 days); the ICO generally takes the complaint only after that.',
        'Sie wohnen im Vereinigten Königreich: Es gelten die UK GDPR und der Data Protection Act 2018 in der Fassung des Data (Use and Access) Act 2025 (gleiche Artikelnummern; keine EU-Fristenverordnung). Nach s. 164A DPA 2018 beschweren Sie sich zuerst beim Unternehmen (das Schreiben ist diese Beschwerde; es muss sie binnen 30 Tagen bestätigen); das ICO nimmt die Beschwerde in der Regel erst danach an.',
        "Vous résidez au Royaume-Uni : le UK GDPR et le Data Protection Act 2018, modifié par le Data (Use and Access) Act 2025, s'appliquent (mêmes numéros d'articles ; pas de règlement européen sur les délais). Selon la s. 164A DPA 2018, vous vous plaignez d'abord auprès de l'entreprise (le courrier vaut réclamation ; elle doit en accuser réception sous 30 jours) ; l'ICO n'examine en général la plainte qu'ensuite."
      )
    )
  }
  if (country === 'ch') notes.push(say(lang, 'In Switzerland the revised Data Protection Act (revDSG) applies; check the articles before sending.', 'In der Schweiz gilt das revidierte Datenschutzgesetz (revDSG); prüfen Sie die Artikel vor dem Versand.'))
  return { complaint, lead, reason, leadReason, notes }
}

const short = (a: Authority) => shortName(a)

const COUNTRY: Record<string, [string, string]> = {
  lu: ['Luxembourg', 'Luxemburg'],
  ie: ['Ireland', 'Irland'],
  de: ['Germany', 'Deutschland'],
  at: ['Austria', 'Österreich'],
  fr: ['France', 'Frankreich'],
  nl: ['the Netherlands', 'den Niederlanden'],
  gb: ['the United Kingdom', 'dem Vereinigten Königreich']
}

// With the preposition French needs before each ("en France", "au Luxembourg", "en Irlande").
const COUNTRY_FR: Record<string, string> = { lu: 'au Luxembourg', ie: 'en Irlande', de: 'en Allemagne', at: 'en Autriche', fr: 'en France', nl: 'aux Pays-Bas', gb: 'au Royaume-Uni', be: 'en Belgique', es: 'en Espagne', it: 'en Italie' }

function countryName(code: string | null, lang: LetterLang): string {
  if (lang === 'fr') return (code && COUNTRY_FR[code]) ?? `dans un autre État (${code ?? '?'})`
  if (!code) return lang === 'de' ? 'einem anderen Staat' : 'another country'
  const known = COUNTRY[code]
  if (known) return lang === 'de' ? known[1] : known[0]
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code.toUpperCase()) ?? code.toUpperCase()
  } catch {
    return code.toUpperCase()
  }
}
