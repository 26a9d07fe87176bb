import { alsoDuring, count, listOf } from '../phrasing'
import { idKey } from '../evidence'
import { findingOf, timesOf } from '../finding'
import type { EvidenceRule } from '../types'

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
    const byId = new Map<string, { shown: string; indices: number[] }>()
    const keys = new Map<string, string>()
    // Most rows repeat the row before's account id: its answer is kept at hand (no lookup per row).
    let lastId: string | null = null
    let lastEntry: { shown: string; indices: number[] } | null = null
    const recordings = e.recordings
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
    }
    const owner = listOf([...e.reading.account.ids], 3) || listOf([...e.reading.account.emails], 3)
    return [...byId.values()].map(({ shown, indices }) => {
      const mine = new Set(indices)
      // A device speaks for the stranger only when every recording it made carries the stranger's id.
      const devices = [...e.byDevice].filter(([, list]) => list.every((i) => mine.has(i))).map(([id]) => id)
      return findingOf(e, this, indices, devices, `${count(indices.length, 'recording')} carry the account id ${shown}, which is not this account's (${owner})${alsoDuring(timesOf(e, indices))}.`, 'foreignAccountId', {
        shown,
        owner: [...e.reading.account.ids].length ? [...e.reading.account.ids].slice(0, 3) : [...e.reading.account.emails].slice(0, 3)
      })
    })
  }
}
