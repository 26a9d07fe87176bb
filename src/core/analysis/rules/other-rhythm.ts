import { count, deviceLabel, deviceParams, during } from '../phrasing'
import { findingOf, timesOf } from '../finding'
import type { Usual } from '../profile'
import type { Evidence, ProfileRule } from '../types'

/** Fewer recordings than these and hours of the day are noise. */
const MIN_DEVICE = 40
const MIN_REST = 80
// Three-hour bins keep every expected count near five or more for the chi-square test.
const BINS = 8
const HOURS_PER_BIN = 24 / BINS
// Chi-square with BINS - 1 = 7 degrees of freedom: 24.32 is p = 0.001, 14.07 is p = 0.05.
const DIFFERENT = 24.32
const ALIKE = 14.07
const MIN_SHIFT_HOURS = 3

const HOUR_MS = 3_600_000
const utcHour = (t: number): number => ((Math.floor(t / HOUR_MS) % 24) + 24) % 24

/** A device's recordings with a known time, and how many of them fall in each hour of the day (UTC). */
interface DeviceHours {
  count: number
  byHour: number[]
}

/** Per hour of the day, how many of the recordings at `indices` have their time in it: one pass, no list of hours. */
function hoursOf(e: Evidence, indices: readonly number[]): DeviceHours {
  const byHour = new Array<number>(24).fill(0)
  const times = e.times
  let count = 0
  for (let j = 0; j < indices.length; j++) {
    const t = times[indices[j]!]!
    if (Number.isNaN(t)) continue
    byHour[utcHour(t)]! += 1
    count++
  }
  return { count, byHour }
}

/** The hours in three-hour bins after shifting them by `shift`, from their counts per hour (24 steps, not one per recording). */
function binned(byHour: readonly number[], shift: number): number[] {
  const bins = new Array<number>(BINS).fill(0)
  for (let h = 0; h < 24; h++) bins[Math.floor((((h - shift) % 24) + 24) % 24 / HOURS_PER_BIN)]! += byHour[h]!
  return bins
}

/** Chi-square of homogeneity between two samples of hours. */
function chiSquare(a: readonly number[], b: readonly number[]): number {
  const na = a.reduce((s, x) => s + x, 0)
  const nb = b.reduce((s, x) => s + x, 0)
  let chi = 0
  for (let k = 0; k < BINS; k++) {
    const col = a[k]! + b[k]!
    if (col === 0) continue
    const ea = (col * na) / (na + nb)
    const eb = (col * nb) / (na + nb)
    chi += (a[k]! - ea) ** 2 / ea + (b[k]! - eb) ** 2 / eb
  }
  return chi
}

/** The three busiest hours, "19:00–22:00 UTC", from the counts per hour. */
function busiest(byHour: readonly number[]): string {
  let best = 0
  let bestSum = -1
  for (let h = 0; h < 24; h++) {
    const sum = byHour[h]! + byHour[(h + 1) % 24]! + byHour[(h + 2) % 24]!
    if (sum > bestSum) [best, bestSum] = [h, sum]
  }
  const pad = (h: number) => `${String(h % 24).padStart(2, '0')}:00`
  return `${pad(best)}–${pad(best + 3)} UTC`
}

/**
 * Weak: a device whose recordings come at other hours of the day than the account's others (a
 * significant chi-square difference). When shifting its clock makes them alike, the device is
 * likely in another time zone. The most different device is set apart first and left out of the
 * reference, so one stranger's device cannot make the household's own look odd.
 */
export const otherRhythm: ProfileRule = {
  kind: 'profile',
  id: 'other-rhythm',
  severity: 'weak',
  run(e, usual: Usual) {
    const own = new Map<string, DeviceHours>()
    for (const [id, indices] of e.byDevice) {
      const hours = hoursOf(e, indices)
      if (hours.count >= MIN_DEVICE) own.set(id, hours)
    }
    if (own.size === 0) return []
    // The reference: trusted recordings' hours, binned per device, so a device set apart can be taken out.
    const binsOf = new Map<string | null, number[]>()
    const total = new Array<number>(BINS).fill(0)
    const { baseline } = usual
    const { times, recordings } = e
    // Recordings come in runs from one device: the last device's bins are kept at hand.
    let lastKey: string | null | undefined
    let bins: number[] = total
    for (let j = 0; j < baseline.length; j++) {
      const i = baseline[j]!
      const t = times[i]!
      if (Number.isNaN(t)) continue
      const key = recordings[i]!.deviceId
      if (key !== lastKey) {
        lastKey = key
        const known = binsOf.get(key)
        if (known) bins = known
        else binsOf.set(key, (bins = new Array<number>(BINS).fill(0)))
      }
      const b = Math.floor(utcHour(t) / HOURS_PER_BIN)
      bins[b]! += 1
      total[b]! += 1
    }
    const apart = new Set<string>()
    // The bins of the devices set apart, summed as they are set apart.
    const apartBins = new Array<number>(BINS).fill(0)
    const out = []
    for (;;) {
      let worst: { id: string; chi: number; rest: number[] } | null = null
      for (const [id, hours] of own) {
        if (apart.has(id)) continue
        const rest = total.map((n, b) => n - (binsOf.get(id)?.[b] ?? 0) - apartBins[b]!)
        if (rest.reduce((s, x) => s + x, 0) < MIN_REST) continue
        const chi = chiSquare(binned(hours.byHour, 0), rest)
        // Between equals, the device with fewer recordings is the one set apart from the household.
        if (chi >= DIFFERENT && (!worst || chi > worst.chi || (chi === worst.chi && hours.count < own.get(worst.id)!.count))) worst = { id, chi, rest }
      }
      if (!worst) break
      apart.add(worst.id)
      const worstBins = binsOf.get(worst.id)
      if (worstBins) for (let b = 0; b < BINS; b++) apartBins[b]! += worstBins[b]!
      const hours = own.get(worst.id)!
      let shift = 0
      let best = worst.chi
      for (let s = -11; s <= 12; s++) {
        const chi = chiSquare(binned(hours.byHour, s), worst.rest)
        if (chi < best) [best, shift] = [chi, s]
      }
      const indices = e.byDevice.get(worst.id)!
      const label = deviceLabel(e.devices.get(worst.id) ?? { name: null, serial: null, type: null })
      const when = `${count(indices.length, 'recording')}${during(timesOf(e, indices))}`
      if (Math.abs(shift) >= MIN_SHIFT_HOURS && best < ALIKE) {
        out.push(findingOf(e, this, indices, [worst.id], `${label} keeps the account's daily rhythm, but ${Math.abs(shift)} hours ${shift > 0 ? 'later' : 'earlier'} than its other devices, as if it were in another time zone (${when}).`, 'otherRhythmShift', {
          ...deviceParams(e.devices.get(worst.id) ?? { name: null, serial: null, type: null }),
          hours: Math.abs(shift),
          later: shift > 0 ? 'later' : 'earlier'
        }))
      } else {
        out.push(findingOf(e, this, indices, [worst.id], `${label} is busiest at ${busiest(hours.byHour)}, hours when the account's other recordings are rare (${when}).`, 'otherRhythmBusiest', {
          ...deviceParams(e.devices.get(worst.id) ?? { name: null, serial: null, type: null }),
          busiest: busiest(hours.byHour)
        }))
      }
    }
    return out
  }
}
