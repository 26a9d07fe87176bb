import { fill, OWNER, PHRASES, STRANGER, type Language, type Persona } from './people'
import { personalPhrase } from './personal-data'
import { createRandom, type Random } from './random'

/** The kinds of foreign data formats.md asks for, each plantable alone or all together ('combined'). */
export const PLANTED_KINDS = [
  'none',
  'unregistered-device',
  'foreign-customer-id',
  'seed',
  'other-language',
  'other-city',
  'unknown-names',
  'second-account',
  'unrecognized-speaker',
  'combined'
] as const
export type PlantedKind = (typeof PLANTED_KINDS)[number]
export type Reason = Exclude<PlantedKind, 'none' | 'combined'>

export const KINDS_BY_PROVIDER = {
  amazon: ['unregistered-device', 'foreign-customer-id', 'seed', 'other-language', 'other-city', 'unknown-names'],
  google: ['second-account', 'unrecognized-speaker', 'other-language', 'other-city', 'unknown-names']
} as const satisfies Record<string, readonly Reason[]>

export interface PlannedDevice {
  serial: string
  name: string
  type: string
  family: string
  registered: boolean
  foreign: boolean
  registeredAt: string | null
}

export interface PlannedRecording {
  /** UTC milliseconds, unique to the second within one plan. */
  time: number
  speaker: Persona
  device: PlannedDevice | null
  transcript: string
  response: string
  language: Language
  foreign: boolean
  reasons: Reason[]
}

export interface Plan {
  kind: PlantedKind
  reasons: Reason[]
  owner: Persona
  stranger: Persona
  devices: PlannedDevice[]
  recordings: PlannedRecording[]
}

const SERIAL_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'
export const serialOf = (rng: Random): string => `G0${rng.int(10, 99)}${Array.from({ length: 12 }, () => rng.pick([...SERIAL_CHARS])).join('')}`

const OWN_DEVICES = [
  { name: "Anna's Echo Dot", type: 'A32DOYMUN6DTXA', family: 'ECHO' },
  { name: "Anna's Echo Show", type: 'A4ZP7ZC4PI6TO', family: 'KNIGHT' }
]
const FOREIGN_DEVICES = [
  { name: 'Echo Küche', type: 'A3S5BH2HU6VAYF', family: 'ECHO' },
  { name: 'Echo Wohnzimmer', type: 'A7WXQPH584YP', family: 'ECHO' }
]

/** The owner's partner at home: same words and places as the owner, a voice of their own. */
const HOUSEHOLD_VOICE = { f0: 150, formantScale: 1.07 }

/** Who the stranger is for the reasons planted: only what the reasons name differs from the owner. */
function strangerFor(reasons: readonly Reason[]): Persona {
  if (reasons.includes('seed')) return STRANGER
  const s: Persona = { ...OWNER, voice: STRANGER.voice }
  if (reasons.includes('other-language')) s.language = OWNER.language === 'de' ? 'en' : 'de'
  if (reasons.includes('other-city')) Object.assign(s, { home: STRANGER.home, work: STRANGER.work })
  if (reasons.includes('unknown-names')) Object.assign(s, { partner: STRANGER.partner, friends: STRANGER.friends })
  if (reasons.includes('foreign-customer-id') || reasons.includes('second-account')) Object.assign(s, { customerId: STRANGER.customerId, email: STRANGER.email, firstName: STRANGER.firstName, lastName: STRANGER.lastName })
  return s
}

export interface PlanOptions {
  provider: 'amazon' | 'google'
  own: number
  foreign: number
  kind: PlantedKind
  /** UTC milliseconds of the first recording. */
  start: number
  /** Every n-th of the owner's recordings is said by someone in the household (a third voice); 0 for none. */
  householdEvery?: number
  /** The stranger's transcripts are full of personal data (IBANs, cards, phones, addresses, names): for redaction checks. */
  personalData?: boolean
}

/** Who said what, when and on which device: the truth every layout writer renders. */
export function makePlan(rng: Random, o: PlanOptions): Plan {
  const allowed: readonly Reason[] = KINDS_BY_PROVIDER[o.provider]
  if (o.kind !== 'none' && o.kind !== 'combined' && !allowed.includes(o.kind)) throw new Error(`The kind "${o.kind}" does not apply to ${o.provider} exports (${allowed.join(', ')}).`)
  const reasons: Reason[] = o.kind === 'none' ? [] : o.kind === 'combined' ? allowed.filter((r) => r !== 'seed') : [o.kind]
  const seed = reasons.includes('seed')
  const stranger = strangerFor(reasons)
  const devices: PlannedDevice[] = []
  if (o.provider === 'amazon' && !seed) {
    for (const d of OWN_DEVICES) devices.push({ ...d, serial: serialOf(rng), registered: true, foreign: false, registeredAt: new Date(o.start - rng.int(30, 400) * 86_400_000).toISOString() })
  }
  const foreignDevices: PlannedDevice[] =
    o.provider === 'amazon' && (seed || reasons.includes('unregistered-device'))
      ? FOREIGN_DEVICES.slice(0, seed ? 2 : 1).map((d) => ({ ...d, serial: serialOf(rng), registered: false, foreign: true, registeredAt: null }))
      : []
  devices.push(...foreignDevices)
  const ownCount = seed ? 0 : o.own
  const total = ownCount + o.foreign
  // Foreign recordings are spread among the owner's, as they arrived in the 2018 case.
  const foreignAt = new Set<number>()
  while (foreignAt.size < o.foreign) foreignAt.add(rng.int(0, total - 1))
  const recordings: PlannedRecording[] = []
  // Its own sequence, so an export without personal data is the same bytes as before the option existed.
  const personal = o.personalData ? createRandom(`personal-data:${o.start}:${o.foreign}`) : null
  let t = o.start
  for (let i = 0; i < total; i++) {
    t += rng.int(20, 600) * 60_000 + rng.int(0, 59) * 1000
    const foreign = foreignAt.has(i)
    const household = !foreign && (o.householdEvery ?? 0) > 0 && i % o.householdEvery! === 0
    const speaker = foreign ? stranger : household ? { ...OWNER, voice: HOUSEHOLD_VOICE } : OWNER
    const [said, answer] = rng.pick(PHRASES[speaker.language])
    const friend = rng.pick(speaker.friends)
    const ownDevices = devices.filter((d) => !d.foreign)
    const device = o.provider === 'google' ? null : foreign && foreignDevices.length > 0 ? rng.pick(foreignDevices) : ownDevices.length > 0 ? rng.pick(ownDevices) : null
    recordings.push({
      time: t,
      speaker,
      device,
      transcript: foreign && personal ? personalPhrase(personal, speaker.language) : fill(said, speaker, friend),
      response: fill(answer, speaker, friend),
      language: speaker.language,
      foreign,
      reasons: foreign ? reasons : []
    })
  }
  return { kind: o.kind, reasons, owner: OWNER, stranger, devices, recordings }
}
