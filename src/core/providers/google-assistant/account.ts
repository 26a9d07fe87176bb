import type { Account } from '../../../shared/model/recording'
import type { ExportView } from '../export-view'
import { errorText, problem, readText } from '../read-text'
import type { ProviderItem } from '../types'
import { GOOGLE } from './activity-item'
import type { TakeoutRoot } from './takeout'

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g
// Index pages also link Google's own addresses; those are not the account.
const NOT_ACCOUNT = /@(google\.com|support\.google\.com|googlemail\.com\.invalid)$/i

const addTo = (list: string[], v: unknown) => {
  if (typeof v === 'string' && v.trim() && !list.includes(v.trim())) list.push(v.trim())
}

/** Who a Takeout tree belongs to: the index page names the account, Profile.json adds the name. */
export async function* readTakeoutAccount(view: ExportView, root: TakeoutRoot, role: Account['role'], into: Account[]): AsyncGenerator<ProviderItem> {
  const account: Account = { provider: GOOGLE, role, ids: [], names: [], emails: [], source: root.indexPages[0]?.path ?? root.profiles[0]?.path ?? null }
  for (const page of root.indexPages) {
    try {
      for (const m of (await readText(view, page, 2 * 1024 * 1024)).matchAll(EMAIL)) if (!NOT_ACCOUNT.test(m[0])) addTo(account.emails, m[0])
    } catch (err) {
      yield { type: 'problem', problem: problem(GOOGLE, 'unreadable', page.path, errorText(err)) }
    }
  }
  for (const file of root.profiles) {
    try {
      const p = JSON.parse(await readText(view, file)) as { displayName?: unknown; name?: { formattedName?: unknown }; emails?: Array<{ value?: unknown }> }
      addTo(account.names, p.name?.formattedName ?? p.displayName)
      for (const e of p.emails ?? []) addTo(account.emails, e.value)
    } catch (err) {
      yield { type: 'problem', problem: problem(GOOGLE, 'malformed-json', file.path, `cannot read the profile: ${errorText(err)}`) }
    }
  }
  if (account.emails.length === 0) {
    yield { type: 'problem', problem: problem(GOOGLE, 'missing-file', root.key, 'No index page or profile in this Takeout names the account.') }
  }
  account.ids.push(...account.emails)
  into.push(account)
  yield { type: 'account', account }
}
