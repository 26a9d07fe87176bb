// The gazetteer the benchmark redacts with: the app's full list less the names held out for the
// corpus (held-out-names.json, split off by scripts/build-redaction-data.ts). The app ships and uses
// the full list; the bench takes these names out of its own copy, so the corpus measures the rules
// (titles, calls, context, capitals), never the list against itself.
import { buildLexicon, type Lexicon } from '../../src/core/complaint/redaction/lexicon'
import heldOut from './held-out-names.json'

export const HELD_OUT_NAMES: readonly string[] = [...heldOut.first, ...heldOut.last]

let lexicon: Lexicon | null = null
/** Built once per process: the full lists less HELD_OUT_NAMES. */
export function heldOutLexicon(): Lexicon {
  lexicon ??= buildLexicon({ withoutNames: HELD_OUT_NAMES })
  return lexicon
}
