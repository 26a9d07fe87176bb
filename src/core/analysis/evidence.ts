import type { MarkValue } from '../../shared/model/review'
import type { ExportReading } from '../../shared/model/recording'
import { featuresOf } from './features'
import type { Evidence } from './types'

export const idKey = (id: string): string => id.trim().toLowerCase()

/** Everything the rules share, computed once per analysis. */
export async function gatherEvidence(reading: ExportReading, marks: ReadonlyMap<string, MarkValue>): Promise<Evidence> {
  const recordings = reading.recordings
  const byDevice = new Map<string, number[]>()
  recordings.forEach((r, i) => {
    if (r.deviceId === null) return
    const list = byDevice.get(r.deviceId)
    if (list) list.push(i)
    else byDevice.set(r.deviceId, [i])
  })
  const owner = reading.accounts.filter((a) => a.role === 'owner')
  const ownerIds = new Set([...reading.account.ids, ...reading.account.emails, ...owner.flatMap((a) => [...a.ids, ...a.emails])].map(idKey).filter(Boolean))
  const { times, each } = await featuresOf(recordings)
  return {
    reading,
    recordings,
    features: each,
    times,
    devices: new Map(reading.devices.map((d) => [d.id, d])),
    byDevice,
    registered: reading.devices.filter((d) => d.registered),
    ownerIds,
    otherAccounts: reading.accounts.filter((a) => a.role === 'other'),
    marks,
    voices: null
  }
}
