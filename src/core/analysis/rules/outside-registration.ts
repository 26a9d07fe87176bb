import type { Device } from '../../../shared/model/recording'
import { alsoDuring, count, day, deviceParams } from '../phrasing'
import { findingOf, timesOf } from '../finding'
import type { EvidenceRule } from '../types'

// Registration times and recording times may be written in different zones; a day covers any offset.
const GRACE_MS = 24 * 3_600_000

const named = (d: Device): string => (d.name ? `'${d.name}'` : d.serial ? `the device with serial ${d.serial}` : 'a registered device')

/** Weak: a registered device recorded before the account registered it, or after it was removed. */
export const outsideRegistration: EvidenceRule = {
  kind: 'evidence',
  id: 'outside-registration',
  severity: 'weak',
  run(e) {
    const out = []
    for (const d of e.registered) {
      const indices = e.byDevice.get(d.id)
      if (!indices) continue
      const from = d.registeredAt ? Date.parse(d.registeredAt) : Number.NaN
      const until = d.deregisteredAt ? Date.parse(d.deregisteredAt) : Number.NaN
      // A recording without a known time (NaN) is neither before nor after.
      const times = e.times
      const before = Number.isNaN(from) ? [] : indices.filter((i) => times[i]! < from - GRACE_MS)
      const after = Number.isNaN(until) ? [] : indices.filter((i) => times[i]! > until + GRACE_MS)
      if (before.length) out.push(findingOf(e, this, before, [d.id], `${count(before.length, 'recording')} came from ${named(d)} before it was registered to this account on ${day(from)}${alsoDuring(timesOf(e, before))}.`, 'outsideBefore', { ...deviceParams(d), day: new Date(from).toISOString().slice(0, 10) }))
      if (after.length) out.push(findingOf(e, this, after, [d.id], `${count(after.length, 'recording')} came from ${named(d)} after it was removed from this account on ${day(until)}${alsoDuring(timesOf(e, after))}.`, 'outsideAfter', { ...deviceParams(d), day: new Date(until).toISOString().slice(0, 10) }))
    }
    return out
  }
}
