import { join } from 'node:path'
import { DEV_SPEAKERS, makeCorpus, SPEAKERS } from './corpus'

/** Where the voice benches keep their corpora and caches. */
export const DIR = join(process.cwd(), '.tmp', 'bench-voices')

/**
 * The corpora the voice studies read by name (as bench:voices makes them, same seeds and folders):
 * 'it' is the held-out set, which a study reads only when asked for it by name.
 */
export const SETS = {
  en: () => makeCorpus(join(DIR, 'corpus'), 10, 4),
  dev: () => makeCorpus(join(DIR, 'corpus-dev'), 10, 3, 'en', DEV_SPEAKERS, 4242),
  dev2: () => makeCorpus(join(DIR, 'corpus-dev2'), 10, 3, 'en', SPEAKERS, 5151, true),
  rooms: () => makeCorpus(join(DIR, 'corpus-en999'), 10, 3, 'en', SPEAKERS, 999),
  de: () => makeCorpus(join(DIR, 'corpus-de'), 10, 3, 'de'),
  es: () => makeCorpus(join(DIR, 'corpus-es'), 10, 3, 'es', SPEAKERS, 2026),
  fr: () => makeCorpus(join(DIR, 'corpus-fr'), 10, 3, 'fr', SPEAKERS, 6161),
  it: () => makeCorpus(join(DIR, 'corpus-it'), 10, 3, 'it', SPEAKERS, 8383)
}
export type SetName = keyof typeof SETS

/** The sets named on the command line, else every set but the held-out one. */
export const setsAsked = (argv: readonly string[]): SetName[] => {
  const named = (Object.keys(SETS) as SetName[]).filter((s) => argv.includes(s))
  return named.length ? named : (Object.keys(SETS) as SetName[]).filter((s) => s !== 'it')
}
