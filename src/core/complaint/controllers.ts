import { COMPANY_RECORDS } from './data/records'

/** A controller as the letters address it. */
export interface Controller {
  /** Our key ('amazon', 'google'), or null for a controller the person named themselves. */
  key: string | null
  legalName: string
  /** Postal address, one line each; empty when we do not know it. */
  address: string[]
  /** The privacy / DPO contact, not customer service. */
  email: string | null
  /** The service the exports come from, as the letters name it. */
  service: string
  /**
   * Where the controller has its main establishment (ISO 3166-1): decides the German rule (a company
   * outside Germany goes to the authority of the person's state) and, with `lead`, Art. 56.
   */
  seatCountry: string | null
  /** Slug of the lead supervisory authority (Art. 56), from our own map. */
  lead: string | null
  /** Only federal bodies and telecom or postal companies fall to the BfDI in Germany. */
  federalSupervision: boolean
  source: string
}

interface CompanyRecord {
  name: string
  address: string
  email?: string
}

const record = (slug: string) => COMPANY_RECORDS[slug] as CompanyRecord

const lines = (address: string) => address.split('\n').map((l) => l.trim()).filter(Boolean)

function amazon(): Controller {
  const r = record('amazon-de')
  return {
    key: 'amazon',
    legalName: r.name,
    // The record's postal address is Amazon's privacy contact in Munich; the entity itself
    // (Amazon Europe Core S.à r.l.) is seated in Luxembourg, which is why the CNPD leads.
    address: lines(r.address),
    email: r.email ?? null,
    service: 'Alexa / amazon.de',
    seatCountry: 'lu',
    lead: 'lucnpd',
    federalSupervision: false,
    source: 'datenanfragen/data companies/amazon-de.json (CC0); seat and lead authority: CNPD decision on Amazon Europe Core of 15 July 2021'
  }
}

function google(): Controller {
  const r = record('google')
  return {
    key: 'google',
    // The record names Google LLC (USA); for people in the EEA and Switzerland Google's privacy
    // policy names Google Ireland Limited as the controller, and the Irish DPC leads.
    legalName: 'Google Ireland Limited',
    address: ['Gordon House', 'Barrow Street', 'Dublin 4', 'Ireland'],
    email: r.email ?? null,
    service: 'Google Assistant',
    seatCountry: 'ie',
    lead: 'iedpc',
    federalSupervision: false,
    source: 'Google privacy policy (EEA controller); e-mail from datenanfragen/data companies/google.json (CC0)'
  }
}

const KNOWN: Record<string, () => Controller> = { amazon, google }

/** The keys the letters know, for the wizard's list. */
export const CONTROLLER_KEYS = Object.keys(KNOWN)

/** Our entry for a known key (case-insensitive), else the name the person typed with nothing else known. */
export function controllerOf(nameOrKey: string, service = ''): Controller {
  const make = KNOWN[nameOrKey.trim().toLowerCase()]
  if (make) {
    const c = make()
    return service.trim() ? { ...c, service: service.trim() } : c
  }
  return { key: null, legalName: nameOrKey.trim(), address: [], email: null, service: service.trim(), seatCountry: null, lead: null, federalSupervision: false, source: 'named by the person' }
}
