import { alsoDuring, count, listOf } from '../phrasing'
import { idKey } from '../evidence'
import { findingOf, timesOf } from '../finding'
import type { EvidenceRule } from '../types'

/** One id that is not the owner's: as the export first writes it, and the recordings that carry it. */
interface Stranger {
  shown: string
  indices: number[]
}

/**
 * Strong: a recording tied to a customer or account id that is not the export's owner (Amazon's
 * Customer ID column). Ids of a second account the export names are the second-account rule's.
 */
export const foreignAccountId: EvidenceRule = {
  kind: 'evidence',
  id: 'foreign-account-id',
  severity: 'strong',
  run(e) {
    // Without the owner's id there is nothing to contradict; a majority is no proof of whose it is.
    if (e.ownerIds.size === 0) return []
    const others = new Set(e.otherAccounts.flatMap((a) => [...a.ids, ...a.emails]).map(idKey))
    const byId = new Map<string, Stranger>()
    const keys = new Map<string, string>()
    // Most rows repeat the row before's account id: its answer is kept at hand (no lookup per row).
    let lastId: string | null = null
    let lastEntry: Stranger | null = null
    const recordings = e.recordings
    // Whose id each recording carries, so each device is looked at once (it was once per stranger:
    // 20,000 ids on as many devices took 27 s).
    const strangerAt: Array<Stranger | null | undefined> = new Array(recordings.length)
    for (let i = 0; i < recordings.length; i++) {
      const accountId = recordings[i]!.accountId
      if (!accountId) continue
      if (accountId !== lastId) {
        lastId = accountId
        let key = keys.get(accountId)
        if (key === undefined) keys.set(accountId, (key = idKey(accountId)))
        if (!key || e.ownerIds.has(key) || others.has(key)) lastEntry = null
        else {
          lastEntry = byId.get(key) ?? { shown: accountId.trim(), indices: [] }
          byId.set(key, lastEntry)
        }
      }
      lastEntry?.indices.push(i)
      strangerAt[i] = lastEntry
    }
    // A device speaks for a stranger only when every recording it made carries the stranger's id.
    const devicesOf = new Map<Stranger, string[]>()
    for (const [id, list] of e.byDevice) {
      const first = strangerAt[list[0]!]
      if (!first || !list.every((i) => strangerAt[i] === first)) continue
      const d = devicesOf.get(first)
      if (d) d.push(id)
      else devicesOf.set(first, [id])
    }
    const owner = listOf([...e.reading.account.ids], 3) || listOf([...e.reading.account.emails], 3)
    return [...byId.values()].map((stranger) => {
      const { shown, indices } = stranger
      const devices = devicesOf.get(stranger) ?? []
      return findingOf(e, this, indices, devices, `${count(indices.length, 'recording')} carry the account id ${shown}, which is not this account's (${owner})${alsoDuring(timesOf(e, indices))}.`, 'foreignAccountId', {
        shown,
        owner: [...e.reading.account.ids].length ? [...e.reading.account.ids].slice(0, 3) : [...e.reading.account.emails].slice(0, 3)
      })
    })
  }
}
