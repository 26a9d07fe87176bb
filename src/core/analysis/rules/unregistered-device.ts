import { count, deviceLabel, deviceParams, during } from '../phrasing'
import { findingOf, timesOf } from '../finding'
import type { EvidenceRule } from '../types'

/**
 * Strong: the export names the devices registered to the account, and this one is not among
 * them. Silent for devices of an export that names none (registrationKnown false). In the 2018 case the requester registered none, and every recording came from a stranger's Echo.
 */
export const unregisteredDevice: EvidenceRule = {
  kind: 'evidence',
  id: 'unregistered-device',
  severity: 'strong',
  run(e) {
    const n = e.registered.length
    const among = n === 0 ? 'is not registered to this account, which has no device registered at all' : n === 1 ? 'is not the one device registered to this account' : `is not among the ${n} devices registered to this account`
    return [...e.byDevice]
      .filter(([id]) => {
        const d = e.devices.get(id)
        // Not listed where the export lists nothing (no registration.csv) is no evidence at all.
        return d?.registered === false && d.registrationKnown !== false
      })
      .map(([id, indices]) => {
        const d = e.devices.get(id)!
        const key = n === 0 ? 'unregisteredNone' : n === 1 ? 'unregisteredOne' : 'unregisteredMany'
        return findingOf(e, this, indices, [id], `${deviceLabel(d)} ${among}; ${count(indices.length, 'recording')} came from it${during(timesOf(e, indices))}.`, key, { ...deviceParams(d), registered: n })
      })
  }
}
