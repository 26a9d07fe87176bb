/**
 * A process that saves one case over and over, to be killed at a random moment: the durability
 * test and bench run it. After each save it prints "saved <custody lines>", which the parent takes
 * as a promise: a save acknowledged before the kill must still be in the file afterwards.
 */
import { loadCase, casePath } from '../case-store'
import { CaseSession, type Edit } from '../case-session'
import type { MarkValue } from '../../../shared/model/review'

const [home, fingerprint] = process.argv.slice(2)
if (!home || !fingerprint) throw new Error('usage: case-writer-child <home> <fingerprint>')

const VALUES: MarkValue[] = ['mine', 'not-mine', 'unsure']

async function main() {
  const now = () => new Date().toISOString()
  const loaded = await loadCase(home!, fingerprint!, now())
  // The parent counts this: a file it could not read would have been set aside as damaged.
  process.stdout.write(`ready ${loaded.problem ? 'damaged' : 'ok'} ${loaded.case.custody.length}\n`)
  const session = new CaseSession(loaded.case, casePath(home!, fingerprint!), { tool: 'durability-child', now })
  // Rounds continue from the custody log, so no round repeats one a killed writer already saved.
  for (let round = loaded.case.custody.length; ; round++) {
    // A few hundred recordings re-marked each round keep the file a realistic, steady size.
    // The note names the round, so every round changes something and is saved.
    const edits: Edit[] = Array.from({ length: 300 }, (_, k) => ({ target: 'recording', id: `r${String((round * 37 + k) % 3000).padStart(5, '0')}`, mark: VALUES[(round + k) % 3]!, note: `round ${round}` }))
    const { changes, saveError } = await session.apply(`round ${round}`, edits, { action: 'marked', detail: `round ${round}` })
    if (saveError) throw new Error(saveError)
    if (changes.length === 0) throw new Error(`round ${round} changed nothing, so nothing was saved`)
    process.stdout.write(`saved ${session.data.custody.length}\n`)
  }
}

void main()
