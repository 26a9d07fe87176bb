import { CONTROLLER_ENTRIES, type Checked, type ControllerEntry, type DeliveryRoute } from './data/controllers'

/** A controller as the letters address it. */
export interface Controller {
  /** Our key ('amazon', 'amazon-uk', 'google'), or null for a controller the person named themselves. */
  key: string | null
  legalName: string
  /** Postal lines without the country line (the letters add it in their language). */
  address: string[]
  /** The DPO's e-mail, when it has one (not customer service). */
  email: string | null
  /** The DPO's web form, when it has one. */
  webform: string | null
  /** The service the exports come from, as the letters name it. */
  service: string
  /**
   * Where the controller has its main establishment (ISO 3166-1): decides the German rule (a company
   * outside Germany goes to the authority of the person's state) and, with `lead`, Art. 56.
   */
  seatCountry: string | null
  /** Slug of the lead supervisory authority (Art. 56), from our own table. */
  lead: string | null
  law: 'gdpr' | 'uk-gdpr' | null
  registration: string | null
  /** Other addresses a letter may go to, each labelled; never the respondent's address. */
  deliveryRoutes: DeliveryRoute[]
  /** Only federal bodies and telecom or postal companies fall to the BfDI in Germany. */
  federalSupervision: boolean
  source: string
  checked: Checked | null
}

const fromEntry = (e: ControllerEntry): Controller => ({
  key: e.key,
  legalName: e.legalName,
  address: [...e.postal],
  email: e.dpo.email,
  webform: e.dpo.webform,
  service: e.service,
  seatCountry: e.seatCountry,
  lead: e.lead,
  law: e.law,
  registration: e.registration,
  deliveryRoutes: e.deliveryRoutes,
  federalSupervision: false,
  source: e.source,
  checked: e.checked
})

const byKey = new Map(CONTROLLER_ENTRIES.map((e) => [e.key, e]))

/** The keys the letters know, for the wizard's list. */
export const CONTROLLER_KEYS = CONTROLLER_ENTRIES.map((e) => e.key)

/**
 * The entry that answers for a service: the controller follows the marketplace ("Alexa /
 * amazon.co.uk" is Amazon UK Services Ltd., whatever key the facts name), not where the person lives.
 */
function entryFor(key: string, service: string): ControllerEntry | undefined {
  const s = service.toLowerCase()
  const family = key.split('-')[0]!
  const byMarket = CONTROLLER_ENTRIES.find((e) => e.key.split('-')[0] === family && e.marketplaces.some((m) => m.includes('.') && s.includes(m)))
  return byMarket ?? byKey.get(key)
}

/** Our entry for a known key (case-insensitive), else the name the person typed with nothing else known. */
export function controllerOf(nameOrKey: string, service = ''): Controller {
  const entry = entryFor(nameOrKey.trim().toLowerCase(), service)
  if (entry) {
    const c = fromEntry(entry)
    return service.trim() ? { ...c, service: service.trim() } : c
  }
  return {
    key: null,
    legalName: nameOrKey.trim(),
    address: [],
    email: null,
    webform: null,
    service: service.trim(),
    seatCountry: null,
    lead: null,
    law: null,
    registration: null,
    deliveryRoutes: [],
    federalSupervision: false,
    source: 'named by the person',
    checked: null
  }
}
