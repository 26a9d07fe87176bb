import { count, during, listOf } from '../phrasing'
import { findingOf, timesOf } from '../finding'
import type { EvidenceRule } from '../types'
import { membersByVoice } from '../voice-members'

/**
 * Weak, a second reason beside "device not registered": a voice, grouped by its sound, that is only
 * ever heard on devices the export says are not registered to the account, never on its own ones.
 * A group is a hint the person checks by listening, so this never makes a recording foreign alone.
 */
export const voiceUnregisteredOnly: EvidenceRule = {
  kind: 'evidence',
  id: 'voice-unregistered-only',
  severity: 'weak',
  run(e) {
    const out = []
    for (const indices of membersByVoice(e).values()) {
      const ids = new Set<string>()
      for (const i of indices) {
        const d = e.recordings[i]!.deviceId
        if (d !== null) ids.add(d)
      }
      if (ids.size === 0) continue
      const devices = [...ids].map((id) => e.devices.get(id))
      if (!devices.every((d) => d?.registered === false && d.registrationKnown !== false)) continue
      const names = devices.map((d) => d!.name ?? d!.serial ?? d!.id)
      out.push(
        findingOf(
          e,
          this,
          indices,
          [...ids],
          `The same voice, by its sound, speaks in ${count(indices.length, 'recording')}${during(timesOf(e, indices))}, only ever on ${ids.size === 1 ? 'a device' : 'devices'} not registered to this account (${listOf(names)}) and never on the account's own.`,
          'voiceUnregisteredOnly',
          { names }
        )
      )
    }
    return out
  }
}
