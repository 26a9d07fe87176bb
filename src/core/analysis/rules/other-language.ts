import { alsoDuring, count, languageName, listOf } from '../phrasing'
import { findingOf, timesOf } from '../finding'
import type { ProfileRule } from '../types'

/** Weak: what was said is in a language the account's other recordings rarely or never use. */
export const otherLanguage: ProfileRule = {
  kind: 'profile',
  id: 'other-language',
  severity: 'weak',
  run(e, usual) {
    const known = usual.language
    if (!known) return []
    const byLanguage = new Map<string, number[]>()
    // A plain indexed loop over every recording; recordings that said the same share one features object.
    const features = e.features
    for (let i = 0; i < features.length; i++) {
      const language = features[i]!.language
      if (language === null || known.values.has(language)) continue
      const list = byLanguage.get(language)
      if (list) list.push(i)
      else byLanguage.set(language, [i])
    }
    if (byLanguage.size === 0) return []
    // Named only when there is a finding: language names load ICU data.
    const theirs = listOf(known.ranked.map(languageName), 3)
    return [...byLanguage]
      .sort((a, b) => b[1].length - a[1].length)
      .map(([language, indices]) => {
        // Say what was judged: the language the export states, or the transcript's words.
        const from = new Set(indices.map((i) => e.features[i]!.languageFrom))
        const judged = from.size === 1 && from.has('export') ? 'export' : from.has('export') ? 'both' : 'transcript'
        const how = { export: 'as the export states', transcript: "judged from the transcript's words", both: "as the export states or judged from the transcript's words" }[judged]
        return findingOf(e, this, indices, [], `${count(indices.length, 'recording')} ${indices.length === 1 ? 'is' : 'are'} in ${languageName(language)} (${how}), while the account's other recordings are in ${theirs}${alsoDuring(timesOf(e, indices))}.`, 'otherLanguage', {
          language,
          theirs: known.ranked.slice(0, 3),
          judged
        })
      })
  }
}
