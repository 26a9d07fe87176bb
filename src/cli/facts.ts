import { readFile } from 'node:fs/promises'
import type { ComplaintFacts } from '../shared/model/complaint'

/** The facts of a --facts file, checked before the long work so a typo costs nothing. */
export async function readFacts(path: string): Promise<{ facts: ComplaintFacts } | { problem: string }> {
  const { ComplaintFactsSchema } = await import('../shared/model/complaint')
  let json: unknown
  try {
    json = JSON.parse(await readFile(path, 'utf8'))
  } catch (err) {
    return { problem: `The facts file ${path} cannot be read as JSON (${(err as Error).message}).` }
  }
  const parsed = ComplaintFactsSchema.safeParse(json)
  if (parsed.success) return { facts: parsed.data }
  const first = parsed.error.issues[0]!
  return { problem: `The facts file ${path} is not complete: ${first.path.join('.') || '(file)'}: ${first.message}.` }
}
