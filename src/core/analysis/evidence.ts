import type { MarkValue } from '../../shared/model/review'
import type { ExportReading } from '../../shared/model/recording'
import { featuresOf } from './features'
import type { Evidence } from './types'

export const idKey = (id: string): string => id.trim().toLowerCase()

/** Everything the rules share, computed once per analysis. */
export async function gatherEvidence(reading: ExportReading, marks: ReadonlyMap<string, MarkValue>): Promise<Evidence> {
  const recordings = reading.recordings
  const byDevice = new Map<string, number[]>()
  // Recordings come in runs from one device more often than not: the last list is kept at hand.
  let lastId: string | null = null
  let last: number[] = []
  for (let i = 0; i < recordings.length; i++) {
    const id = recordings[i]!.deviceId
    if (id === null) continue
    if (id !== lastId) {
      lastId = id
      const list = byDevice.get(id)
      if (list) last = list
      else byDevice.set(id, (last = []))
    }
    last.push(i)
  }
  const owner = reading.accounts.filter((a) => a.role === 'owner')
  const ownerIds = new Set([...reading.account.ids, ...reading.account.emails, ...owner.flatMap((a) => [...a.ids, ...a.emails])].map(idKey).filter(Boolean))
  const { times, each, distinct, kinds } = await featuresOf(recordings)
  return {
    reading,
    recordings,
    features: each,
    sayings: { distinct, kinds },
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
