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
    return e.otherAccounts.map((a) => {
      const ids = new Set([...a.ids, ...a.emails].map(idKey))
      const indices: number[] = []
      const theirs = new Map<string, boolean>()
      e.recordings.forEach((r, i) => {
        if (!r.accountId) return
        let hit = theirs.get(r.accountId)
        if (hit === undefined) theirs.set(r.accountId, (hit = ids.has(idKey(r.accountId))))
        if (hit) indices.push(i)
      })
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
