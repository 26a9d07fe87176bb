import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { ComplaintDraftSchema, type ComplaintDraft } from '../../shared/model/complaint-calls'
import { ComplaintFactsSchema, type ComplaintFacts } from '../../shared/model/complaint'
import type { ExportReading } from '../../shared/model/recording'
import { writeFileAtomic } from '../fs/atomic-write'
import { casePath } from '../review/case-store'

export const FACTS_SCHEMA = 'exportscope.complaint-facts/1'

const FactsFileSchema = z.object({ schema: z.literal(FACTS_SCHEMA), savedAt: z.string(), draft: ComplaintDraftSchema })

/** Beside the export's case file: `<home>/cases/<fingerprint>.complaint.json`, owner-only like it. */
export const factsPath = (home: string, fingerprint: string): string => casePath(home, fingerprint).replace(/\.json$/, '.complaint.json')

/** The saved draft, or null when there is none or it cannot be read (the wizard then starts from the suggestions). */
export async function loadDraft(home: string, fingerprint: string): Promise<{ draft: ComplaintDraft; savedAt: string } | null> {
  let text: string
  try {
    text = await readFile(factsPath(home, fingerprint), 'utf8')
  } catch {
    return null
  }
  try {
    const parsed = FactsFileSchema.safeParse(JSON.parse(text))
    return parsed.success ? { draft: parsed.data.draft, savedAt: parsed.data.savedAt } : null
  } catch {
    return null
  }
}

export async function saveDraft(home: string, fingerprint: string, draft: ComplaintDraft, savedAt: string): Promise<void> {
  await writeFileAtomic(factsPath(home, fingerprint), `${JSON.stringify({ schema: FACTS_SCHEMA, savedAt, draft }, null, 2)}\n`)
}

/** What keeps a draft from being complete facts, one line per field. */
export function draftIssues(draft: ComplaintDraft): { path: string; message: string }[] {
  const parsed = ComplaintFactsSchema.safeParse(draft)
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
}

export function draftToFacts(draft: ComplaintDraft): ComplaintFacts | null {
  const parsed = ComplaintFactsSchema.safeParse(draft)
  return parsed.success ? parsed.data : null
}

// The provider ids of src/core/providers and the controller keys the letters know.
const CONTROLLER_OF: Record<string, { controller: string; service: string }> = {
  'amazon-alexa': { controller: 'amazon', service: 'Alexa / amazon.de' },
  'google-assistant': { controller: 'google', service: 'Google Assistant' }
}

/** What the export says about its owner and the company, to fill fields the person has not. */
export function suggestedDraft(reading: ExportReading): ComplaintDraft {
  const owner = reading.account
  const known = reading.providers.map((p) => CONTROLLER_OF[p.id]).find((c) => c !== undefined)
  const draft: ComplaintDraft = {}
  if (owner.names[0]) draft.person = { name: owner.names[0].slice(0, 200), ...(owner.emails[0] ? { email: owner.emails[0].slice(0, 254) } : {}) }
  else if (owner.emails[0]) draft.person = { email: owner.emails[0].slice(0, 254) }
  const account = owner.emails[0] ?? owner.ids[0]
  if (account) draft.accountId = account.slice(0, 200)
  if (known) Object.assign(draft, known)
  return draft
}
