import type { Verdict } from '../../../shared/model/analysis'
import type { Device } from '../../../shared/model/recording'
import type { MarkValue } from '../../../shared/model/review'

/**
 * What colour a recording's mark, row and lane take: the person's mark when there is one (mine is
 * 'own', not mine 'foreign', unsure 'suspect'), else the detector's verdict, else (before the
 * review has loaded) the export's registration facts.
 */
export const TONES = ['registered', 'unregistered', 'unknown', 'own', 'suspect', 'foreign'] as const
export type Tone = (typeof TONES)[number]
export const toneIndex = (tone: Tone): number => TONES.indexOf(tone)

/**
 * Registration as the export states it: listed among the account's devices, not listed, the export
 * names no registrations at all (no registration.csv, Google), or no device at all.
 */
export type Registration = 'registered' | 'unregistered' | 'unstated' | 'unknown'

export function registrationOf(device: Device | null): Registration {
  if (!device) return 'unknown'
  if (device.registered) return 'registered'
  return device.registrationKnown === false ? 'unstated' : 'unregistered'
}

/** Devices the export says are not the account's; an unstated registration is not evidence either way. */
export const isUnregistered = (device: Device): boolean => registrationOf(device) === 'unregistered'

const MARK_TONE: Record<MarkValue, Tone> = { mine: 'own', 'not-mine': 'foreign', unsure: 'suspect' }

export function toneOf(device: Device | null, verdict?: Verdict | null, mark?: MarkValue | null): Tone {
  if (mark) return MARK_TONE[mark]
  if (verdict) return verdict
  const registration = registrationOf(device)
  return registration === 'unstated' ? 'unknown' : registration
}

/** The CSS custom property that holds a tone's colour, in both themes (styles.css). */
export const toneVar = (tone: Tone): string => `--tone-${tone}`

/** Reads the current theme's tone colours for the canvas; called again whenever the theme changes. */
export function readPalette(el: Element = document.documentElement): Record<Tone, string> {
  const style = getComputedStyle(el)
  const out = {} as Record<Tone, string>
  for (const tone of TONES) out[tone] = style.getPropertyValue(toneVar(tone)).trim() || '#888'
  return out
}
