import type { Account } from '../../../shared/model/recording'
import type { ExportView } from '../export-view'
import { errorText, problem, readText } from '../read-text'
import type { ProviderItem } from '../types'
import { onceInto } from '../unique-list'
import { GOOGLE } from './activity-item'
import type { TakeoutRoot } from './takeout'

// Bounded as RFC 5321 bounds an address (64 before the @, labels of 63), and tried only at an @
// (see addresses): an unbounded `+` tried again from every character of a long run without an @
// made a 2 MB page cost over an hour.
const EMAIL_AT = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/y
const LOCAL = /[A-Za-z0-9._%+-]/
// Index pages also link Google's own addresses; those are not the account.
const NOT_ACCOUNT = /@(google\.com|support\.google\.com|googlemail\.com\.invalid)$/i
/** Google's index page names its account in a few places; a page naming more is not one it wrote. */
export const MAX_PAGE_EMAILS = 20

const trimmed = (v: unknown): string | null => (typeof v === 'string' ? v.trim() : null)

/** The addresses in `text`, in order: what a global EMAIL_AT finds, each looked for from an @ back. */
function* addresses(text: string): Generator<string> {
  let from = 0
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at
    while (start > from && at - start < 64 && LOCAL.test(text[start - 1]!)) start--
    if (start === at) continue
    EMAIL_AT.lastIndex = start
    const m = EMAIL_AT.exec(text)
    if (m === null) continue
    yield m[0]
    from = EMAIL_AT.lastIndex
    at = from - 1
  }
}

/** The addresses a page names (Google's own apart), each once, at most MAX_PAGE_EMAILS; `more` when it named others too. */
export function pageEmails(text: string): { emails: string[]; more: boolean } {
  const seen = new Set<string>()
  for (const email of addresses(text)) {
    if (NOT_ACCOUNT.test(email) || seen.has(email)) continue
    if (seen.size === MAX_PAGE_EMAILS) return { emails: [...seen], more: true }
    seen.add(email)
  }
  return { emails: [...seen], more: false }
}

/** Who a Takeout tree belongs to: the index page names the account, Profile.json adds the name. */
export async function* readTakeoutAccount(view: ExportView, root: TakeoutRoot, role: Account['role'], into: Account[]): AsyncGenerator<ProviderItem> {
  const account: Account = { provider: GOOGLE, role, ids: [], names: [], emails: [], source: root.indexPages[0]?.path ?? root.profiles[0]?.path ?? null }
  const [addName, addEmail] = [onceInto(account.names), onceInto(account.emails)]
  for (const page of root.indexPages) {
    try {
      const { emails, more } = pageEmails(await readText(view, page, 2 * 1024 * 1024))
      for (const email of emails) addEmail(email)
      if (more) yield { type: 'problem', problem: problem(GOOGLE, 'limit', page.path, `this page names more than ${MAX_PAGE_EMAILS} e-mail addresses, which Google's index page does not; the first ${MAX_PAGE_EMAILS} are taken as the account's`) }
    } catch (err) {
      yield { type: 'problem', problem: problem(GOOGLE, 'unreadable', page.path, errorText(err)) }
    }
  }
  for (const file of root.profiles) {
    try {
      const p = JSON.parse(await readText(view, file)) as { displayName?: unknown; name?: { formattedName?: unknown }; emails?: Array<{ value?: unknown }> }
      addName(trimmed(p.name?.formattedName ?? p.displayName))
      for (const e of p.emails ?? []) addEmail(trimmed(e.value))
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
