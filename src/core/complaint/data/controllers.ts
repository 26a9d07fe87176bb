/**
 * The controllers the letters know, as data: who the respondent is (legal name, seat, postal
 * address), how to reach its data protection officer, where else a letter may be delivered (only as a
 * labelled route, never as the respondent's address), which authority leads, and where each fact
 * comes from and when it was last checked. controllers.test.ts checks that every entry is complete.
 *
 * The app is offline: "checked" means checked against the source named, on that day, by whoever
 * edited the entry. An entry nobody has checked says 'unverified', and the letters' notes say so.
 */

/** A calendar date (YYYY-MM-DD) or the word that says nobody has checked the entry. */
export type Checked = string | 'unverified'

export interface Localised {
  en: string
  de: string
  fr: string
}

export interface DeliveryRoute {
  /** What the route is, in each letter language ("Amazon's privacy contact in Germany"). */
  label: Localised
  email: string | null
  /** Postal lines of the route, without the country. */
  postal: string[]
}

export interface ControllerEntry {
  key: string
  legalName: string
  /** Which marketplaces or services this entity answers for (lower-case host names or service names). */
  marketplaces: string[]
  /** Postal lines without the country: the postal line stays as the post of the seat's country writes it. */
  postal: string[]
  /** ISO 3166-1 alpha-2 of the seat; the country line is written in the letter's language. */
  seatCountry: string
  /** How the data protection officer is reached: an e-mail, a web form, or both. */
  dpo: { email: string | null; webform: string | null }
  /** Register and number, for the forms that ask for it (the DPC's, the ICO's); null when not known. */
  registration: string | null
  /** Slug of the lead supervisory authority (Art. 56 GDPR) or, in the UK, the ICO. */
  lead: string
  /** Which law governs the controller's answer to people it serves from this entity. */
  law: 'gdpr' | 'uk-gdpr'
  service: string
  deliveryRoutes: DeliveryRoute[]
  source: string
  checked: Checked
}

export const CONTROLLER_ENTRIES: readonly ControllerEntry[] = [
  {
    key: 'amazon',
    legalName: 'Amazon Europe Core S.à r.l.',
    marketplaces: ['amazon.de', 'amazon.at', 'amazon.fr', 'amazon.it', 'amazon.es', 'amazon.nl', 'amazon.pl', 'amazon.se', 'amazon.com.be', 'amazon.ie'],
    postal: ['38 avenue John F. Kennedy', 'L-1855 Luxembourg'],
    seatCountry: 'lu',
    dpo: { email: 'eu-privacy@amazon.de', webform: null },
    registration: null,
    lead: 'lucnpd',
    law: 'gdpr',
    service: 'Alexa / amazon.de',
    deliveryRoutes: [
      {
        label: {
          en: "Amazon's privacy contact in Germany (delivery route only; the controller is the Luxembourg entity)",
          de: 'Datenschutzkontakt von Amazon in Deutschland (nur Zustellweg; Verantwortlicher ist die luxemburgische Gesellschaft)',
          fr: "Contact « vie privée » d'Amazon en Allemagne (simple voie de remise ; le responsable du traitement est la société luxembourgeoise)"
        },
        email: 'eu-privacy@amazon.de',
        postal: ['Marcel-Breuer-Straße 12', '80807 München']
      }
    ],
    source:
      'Respondent and seat: complaint.md §1.1 and §1.3 (CNPD decision on Amazon Europe Core S.à r.l. of 15 July 2021); delivery route: datenanfragen/data companies/amazon-de.json (CC0)',
    checked: '2026-12-06'
  },
  {
    key: 'amazon-uk',
    legalName: 'Amazon UK Services Ltd.',
    marketplaces: ['amazon.co.uk'],
    postal: ['1 Principal Place', 'Worship Street', 'London EC2A 2FA'],
    seatCountry: 'gb',
    dpo: { email: null, webform: 'https://www.amazon.co.uk/gp/help/customer/contact-us' },
    registration: null,
    lead: 'gbico',
    law: 'uk-gdpr',
    service: 'Alexa / amazon.co.uk',
    deliveryRoutes: [],
    // Issue #17: "we believe"; Amazon's UK privacy notice must be read before this says otherwise.
    source: "Amazon.co.uk Privacy Notice (names the UK controller) — not yet read against this entry",
    checked: 'unverified'
  },
  {
    key: 'google',
    legalName: 'Google Ireland Limited',
    marketplaces: ['google', 'google assistant', 'google takeout'],
    postal: ['Gordon House', 'Barrow Street', 'Dublin 4'],
    seatCountry: 'ie',
    dpo: { email: null, webform: 'https://support.google.com/policies/contact/general_privacy_form' },
    registration: null,
    lead: 'iedpc',
    law: 'gdpr',
    service: 'Google Assistant',
    deliveryRoutes: [
      {
        label: {
          en: "Google's data access address (delivery route only)",
          de: 'Auskunftsadresse von Google (nur Zustellweg)',
          fr: "Adresse de Google pour les demandes d'accès (simple voie de remise)"
        },
        email: 'data-access-requests@google.com',
        postal: []
      }
    ],
    source: "Google Privacy Policy (controller for users in the EEA and Switzerland); e-mail from datenanfragen/data companies/google.json (CC0)",
    checked: '2026-12-06'
  }
]
