import type { Account } from '../../../shared/model/recording'
import { count, during } from '../phrasing'
import { idKey } from '../evidence'
import { findingOf, timesOf } from '../finding'
import type { EvidenceRule } from '../types'

const who = (a: Account): string => {
  const name = a.names[0]
  const address = a.emails[0] ?? a.ids[0]
  return name && address ? `${name} (${address})` : (name ?? address ?? 'with no name or address')
}

/** Strong: the export holds another account's identity (a second Takeout root with its own e-mail). */
export const secondAccount: EvidenceRule = {
  kind: 'evidence',
  id: 'second-account',
  severity: 'strong',
  run(e) {
    if (e.otherAccounts.length === 0) return []
    // The recordings of each id, keyed once: each account then looks up its own ids, not every recording
    // again (20,000 accounts of one recording each took a minute).
    const byId = new Map<string, number[]>()
    e.recordings.forEach((r, i) => {
      if (!r.accountId) return
      const key = idKey(r.accountId)
      const list = byId.get(key)
      if (list) list.push(i)
      else byId.set(key, [i])
    })
    return e.otherAccounts.map((a) => {
      // Each id's recordings are in recording order; those of several ids are put back into it.
      const indices = [...new Set([...a.ids, ...a.emails].map(idKey))].flatMap((id) => byId.get(id) ?? []).sort((x, y) => x - y)
      const from = a.source ? `, read from ${a.source}` : ''
      const tied = indices.length ? `${count(indices.length, 'recording')} belong to it${during(timesOf(e, indices))}` : 'no recording is tied to it'
      return findingOf(e, this, indices, [], `The export holds a second account, ${who(a)}${from}; ${tied}.`, indices.length ? 'secondAccount' : 'secondAccountUntied', {
        name: a.names[0] ?? null,
        address: a.emails[0] ?? a.ids[0] ?? null,
        source: a.source ?? null
      })
    })
  }
}
